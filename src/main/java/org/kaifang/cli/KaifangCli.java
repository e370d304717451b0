package org.kaifang.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code kaifang} command and its subcommands. */
@Command(
        name = "kaifang",
        mixinStandardHelpOptions = true,
        versionProvider = KaifangCli.Version.class,
        description = "Kaifang: licensing platform for foreign-invested value-added telecom services in China.",
        subcommands = {
            ServeCommand.class,
            CheckCommand.class,
            RulesCommand.class,
            OwnershipCommand.class,
            ScreenCommand.class,
            OrganisationsCommand.class,
            UsersCommand.class,
            TokensCommand.class,
            CalendarCommand.class,
            AuditCommand.class,
            BackupCommand.Backup.class,
            BackupCommand.Restore.class,
            ListsCommand.class,
            WhatIfCommand.class,
            RegisterCommand.class,
            CommandLine.HelpCommand.class
        })
public final class KaifangCli implements Runnable {

    /** Returned by {@link #run(String[])} when a command started a server that keeps the process alive. */
    public static final int KEEP_RUNNING = -1;

    /** Exit code for invalid input or usage. */
    static final int INVALID_INPUT = 2;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** The launcher: every {@code kaifang} command, including {@code serve}, starts here. */
    public static void main(String[] args) {
        var exit = run(args);
        if (exit != KEEP_RUNNING) {
            System.exit(exit);
        }
    }

    /** Runs the command line; returns the exit code, or {@link #KEEP_RUNNING}. */
    public static int run(String[] args) {
        var commandLine = new CommandLine(new KaifangCli());
        commandLine.setExitCodeExceptionMapper(e -> INVALID_INPUT);
        commandLine.setParameterExceptionHandler((e, a) -> {
            e.getCommandLine().getErr().println(e.getMessage());
            e.getCommandLine().usage(e.getCommandLine().getErr());
            return INVALID_INPUT;
        });
        return commandLine.execute(args);
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            var version = KaifangCli.class.getPackage().getImplementationVersion();
            return new String[] {"kaifang " + (version == null ? "(development build)" : version)};
        }
    }
}
