package org.leakscan.analysis.findings;

import java.util.List;

/**
 * Everything found in one app, in the order the report contract lists it. Lists are sorted by
 * the pass that fills them, so the report is byte-stable whatever the thread count.
 *
 * @param networkSecurity the network security config, or null when the app has none
 * @param permissionRequirements requirements of the code that the manifest does not meet, by API level
 * @param nativeCode      the native libraries, or null when there are none
 * @param unanalysed what the analysis could not see into (filled by the data-flow analysis)
 * @param stats      sizes of what was analysed
 * @param dataSafety the app's Play Data safety declaration checked against the findings, or null
 *                   when none was given ({@code scan --data-safety})
 */
public record AppFindings(InputInfo input, AppInfo app, List<Signing> signing, NetworkSecurity networkSecurity,
                          NativeCode nativeCode, List<PermissionFinding> permissions,
                          List<PermissionRequirementFinding> permissionRequirements, List<ComponentFinding> components,
                          List<TrackerFinding> trackers, List<Endpoint> endpoints,
                          List<DataAccess> dataAccess, List<Flow> flows, Summary summary, List<Unanalysed> unanalysed,
                          Stats stats, DataSafety dataSafety) {

    public AppFindings {
        signing = List.copyOf(signing);
        permissions = List.copyOf(permissions);
        permissionRequirements = List.copyOf(permissionRequirements);
        components = List.copyOf(components);
        trackers = List.copyOf(trackers);
        endpoints = List.copyOf(endpoints);
        dataAccess = List.copyOf(dataAccess);
        flows = List.copyOf(flows);
        unanalysed = List.copyOf(unanalysed);
    }

    /** The findings of the analysis, before any declaration is checked. */
    public AppFindings(InputInfo input, AppInfo app, List<Signing> signing, NetworkSecurity networkSecurity,
                       NativeCode nativeCode, List<PermissionFinding> permissions,
                       List<PermissionRequirementFinding> permissionRequirements, List<ComponentFinding> components,
                       List<TrackerFinding> trackers, List<Endpoint> endpoints, List<DataAccess> dataAccess,
                       List<Flow> flows, Summary summary, List<Unanalysed> unanalysed, Stats stats) {
        this(input, app, signing, networkSecurity, nativeCode, permissions, permissionRequirements, components, trackers,
                endpoints, dataAccess, flows, summary, unanalysed, stats, null);
    }

    /** Findings without judged permission requirements, before any declaration is checked. */
    public AppFindings(InputInfo input, AppInfo app, List<Signing> signing, NetworkSecurity networkSecurity,
                       NativeCode nativeCode, List<PermissionFinding> permissions, List<ComponentFinding> components,
                       List<TrackerFinding> trackers, List<Endpoint> endpoints, List<DataAccess> dataAccess,
                       List<Flow> flows, Summary summary, List<Unanalysed> unanalysed, Stats stats) {
        this(input, app, signing, networkSecurity, nativeCode, permissions, List.of(), components, trackers, endpoints,
                dataAccess, flows, summary, unanalysed, stats, null);
    }

    /** The same findings with a checked Data safety declaration. */
    public AppFindings withDataSafety(DataSafety checked) {
        return new AppFindings(input, app, signing, networkSecurity, nativeCode, permissions, permissionRequirements,
                components, trackers, endpoints, dataAccess, flows, summary, unanalysed, stats, checked);
    }

    /** Sizes of what was analysed: code units, classes, methods, instructions. */
    public record Stats(int dexFiles, int classFiles, int classes, int methods, long instructions) {
    }
}
