package io.ticketing.bench;

/**
 * The one argument check every tool makes: too few arguments (or {@code --help}) print the tool's
 * usage line instead of an index error, so a script that calls a tool wrongly says how to call it.
 */
final class Usage {

    static final int BAD_ARGUMENTS = 2;

    private Usage() {
    }

    /** Exits 2 with the usage on stderr when fewer than {@code min} arguments are given; 0 on --help. */
    static void require(String[] args, int min, Class<?> tool, String arguments) {
        String usage = "usage: java -cp ticketing-bench-tools.jar " + tool.getName() + " " + arguments;
        if (args.length > 0 && (args[0].equals("--help") || args[0].equals("-h"))) {
            System.out.println(usage);
            System.exit(0);
        }
        if (args.length < min) {
            System.err.println(usage);
            System.exit(BAD_ARGUMENTS);
        }
    }
}
