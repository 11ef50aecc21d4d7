package com.solanamafia.app;

import com.solanamafia.app.config.SolanaMafiaProperties;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;

import java.util.Arrays;

/**
 * {@code java -jar solana-mafia.jar [serve]} runs the system; other first arguments are subcommands
 * (see {@link com.solanamafia.app.cli.Subcommands}).
 */
@SpringBootApplication(scanBasePackages = "com.solanamafia")
@EnableConfigurationProperties(SolanaMafiaProperties.class)
public class SolanaMafia {

    public static void main(String[] args) {
        System.setProperty("axoniq.update-checker.disabled", "true");
        if (args.length > 0 && com.solanamafia.app.cli.Subcommands.handles(args[0])) {
            System.exit(com.solanamafia.app.cli.Subcommands.run(args[0], Arrays.copyOfRange(args, 1, args.length)));
        }
        String[] springArgs = args.length > 0 && args[0].equals("serve") ? Arrays.copyOfRange(args, 1, args.length) : args;
        SpringApplication.run(SolanaMafia.class, springArgs);
    }
}
