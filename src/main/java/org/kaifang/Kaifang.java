package org.kaifang;

import org.kaifang.cli.KaifangCli;

/** The launcher: every {@code kaifang} command, including {@code serve}, starts here. */
public final class Kaifang {

    private Kaifang() {}

    public static void main(String[] args) {
        var exit = KaifangCli.run(args);
        if (exit != KaifangCli.KEEP_RUNNING) {
            System.exit(exit);
        }
    }
}
