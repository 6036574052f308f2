package dev.outpost.gateway.cli;

import picocli.CommandLine;

/** Reads the version from the jar manifest, so there is one source of truth: the Maven project version. */
public final class VersionProvider implements CommandLine.IVersionProvider {
    public static String version() {
        String v = OutpostCommand.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }

    @Override
    public String[] getVersion() {
        return new String[] {
            "outpost " + version(),
            "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")"
        };
    }
}
