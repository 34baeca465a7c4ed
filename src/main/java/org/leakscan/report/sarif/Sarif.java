package org.leakscan.report.sarif;

import com.google.gson.annotations.SerializedName;
import java.util.List;
import java.util.Map;

/**
 * The part of the SARIF 2.1.0 object model leakscan writes, as records Gson serialises (null
 * fields are left out). Names follow the specification; see
 * https://docs.oasis-open.org/sarif/sarif/v2.1.0/sarif-v2.1.0.html.
 */
final class Sarif {

    static final String SCHEMA_URI = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";

    private Sarif() {
    }

    record Log(@SerializedName("$schema") String schema, String version, List<Run> runs) {
    }

    record Run(Tool tool, List<Invocation> invocations, List<Artifact> artifacts, List<Result> results,
               Map<String, Object> properties) {
    }

    record Tool(ToolComponent driver) {
    }

    record ToolComponent(String name, String version, String semanticVersion, List<ReportingDescriptor> rules) {
    }

    record ReportingDescriptor(String id, String name, Message shortDescription, Message fullDescription,
                               MultiformatMessage help, Configuration defaultConfiguration,
                               Map<String, Object> properties) {
    }

    record Configuration(String level) {
    }

    record Message(String text) {
    }

    record MultiformatMessage(String text, String markdown) {
    }

    record Invocation(boolean executionSuccessful, List<Notification> toolExecutionNotifications) {
    }

    record Notification(String level, Message message, List<Location> locations, DescriptorReference descriptor,
                        Map<String, Object> properties) {
    }

    record DescriptorReference(String id) {
    }

    record Artifact(ArtifactLocation location, Long length, List<String> roles, Map<String, String> hashes) {
    }

    record ArtifactLocation(String uri) {
    }

    record Result(String ruleId, int ruleIndex, String level, Message message, List<Location> locations,
                  List<Location> relatedLocations, Map<String, String> partialFingerprints, String baselineState,
                  Map<String, Object> properties) {
    }

    record Location(Integer id, PhysicalLocation physicalLocation, List<LogicalLocation> logicalLocations,
                    Message message) {
    }

    record PhysicalLocation(ArtifactLocation artifactLocation) {
    }

    record LogicalLocation(String name, String fullyQualifiedName, String kind) {
    }
}
