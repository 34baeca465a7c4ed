package org.leakscan.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine;

/** The version Maven wrote into {@code org/leakscan/version.properties} at build time. */
public final class VersionProvider implements CommandLine.IVersionProvider {

    /** The tool's version, or {@code dev} when run from unpackaged classes. */
    public static String version() {
        try (InputStream in = VersionProvider.class.getResourceAsStream("/org/leakscan/version.properties")) {
            if (in == null) {
                return "dev";
            }
            Properties p = new Properties();
            p.load(in);
            String v = p.getProperty("version", "dev");
            return v.startsWith("${") ? "dev" : v;
        } catch (IOException e) {
            return "dev";
        }
    }

    @Override
    public String[] getVersion() {
        return new String[] {"leakscan " + version(), "Java " + System.getProperty("java.version")};
    }
}
