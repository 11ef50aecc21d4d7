package com.solanamafia.app.config;

/** Start-up fails with this when a setting is wrong; the failure analyzer prints it as one clear message. */
public class InvalidConfigurationException extends RuntimeException {
    private final String setting;

    public InvalidConfigurationException(String setting, String problem) {
        super("Invalid configuration: " + setting + " " + problem);
        this.setting = setting;
    }

    public String setting() {
        return setting;
    }
}
