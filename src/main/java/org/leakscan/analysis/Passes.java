package org.leakscan.analysis;

import java.util.ArrayList;
import java.util.List;

/**
 * The ordered pass list: the one place that says which passes run and in what order. Each pass
 * declares what it runs after; {@link PassRunner#checkOrder} (and a test) hold the list to it.
 */
public final class Passes {

    private Passes() {
    }

    public static List<Pass> forOptions(AnalysisOptions options) {
        List<Pass> passes = new ArrayList<>();
        // Manifest facts
        passes.add(new ManifestPass());
        passes.add(new ComponentPass());
        passes.add(new SigningPass());
        passes.add(new NetworkSecurityPass());
        passes.add(new NativeCodePass());
        // Code inventory
        passes.add(new CodeIndexPass());
        passes.add(new DataAccessPass());
        passes.add(new PermissionPass());
        passes.add(new EndpointPass());
        // Who receives it
        passes.add(new TrackerPass());
        // Data flow
        if (options.flows()) {
            passes.add(new DataFlowPass(options.flowTimeLimit()));
        }
        // Who is behind each destination
        passes.add(new DestinationPass());
        // The answer first
        passes.add(new SummaryPass());
        return List.copyOf(passes);
    }
}
