package org.leakscan.cli;

/** Entry point of {@code java -jar leakscan.jar}: the only {@code System.exit} in the program. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(LeakscanCommand.commandLine().execute(args));
    }
}
