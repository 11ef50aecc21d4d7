package com.solanamafia.app.config;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.properties.ConfigurationPropertiesBean;
import org.springframework.context.ApplicationListener;
import org.springframework.stereotype.Component;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * Spring reads {@code solana-mafia.ingest.window-size} from {@code SOLANA_MAFIA_INGEST_WINDOW_SIZE} (or
 * {@code SOLANAMAFIA_INGEST_WINDOWSIZE}), never from {@code SOLANA_MAFIA_INGEST_WINDOWSIZE}: such a variable is silently
 * ignored. This warns at start-up about every {@code SOLANA_MAFIA_*} variable that is one of our settings spelt with
 * its underscores elsewhere, and names the spelling Spring reads.
 */
@Component
class MisspeltVariables implements ApplicationListener<ApplicationReadyEvent> {
    private static final Logger log = LoggerFactory.getLogger(MisspeltVariables.class);
    private static final String PREFIX = "SOLANA_MAFIA_";

    @Override
    public void onApplicationEvent(ApplicationReadyEvent event) {
        List<String> settings = new ArrayList<>();
        ConfigurationPropertiesBean.getAll(event.getApplicationContext()).values()
                .forEach(bean -> settings.addAll(settingNames(bean.getAnnotation().prefix(), bean.getInstance().getClass())));
        warnings(System.getenv(), settings).forEach(log::warn);
    }

    /** The settings a properties record binds: its components, in Spring's dashed form, nested records included. */
    static List<String> settingNames(String prefix, Class<?> type) {
        List<String> names = new ArrayList<>();
        if (!type.isRecord()) {
            return names;
        }
        for (RecordComponent component : type.getRecordComponents()) {
            String name = prefix + "." + dashed(component.getName());
            Class<?> componentType = component.getType();
            if (componentType.isRecord() && componentType.getPackageName().startsWith("com.solanamafia")) {
                names.addAll(settingNames(name, componentType));
            } else {
                names.add(name);
            }
        }
        return names;
    }

    static List<String> warnings(Map<String, String> environment, Collection<String> settings) {
        List<String> warnings = new ArrayList<>();
        for (String variable : new TreeSet<>(environment.keySet())) {
            if (!variable.startsWith(PREFIX)) {
                continue;
            }
            for (String setting : settings) {
                String read = legacyVariable(setting);
                if (!variable.equals(read) && !variable.equals(canonicalVariable(setting))
                        && compact(variable).equals(compact(read))) {
                    warnings.add("Environment variable " + variable + " is not read: the setting " + setting
                            + " is " + read + " (every '.' and '-' of the name becomes '_')");
                }
            }
        }
        return warnings;
    }

    private static String legacyVariable(String setting) {
        return setting.replace('.', '_').replace('-', '_').toUpperCase(Locale.ROOT);
    }

    private static String canonicalVariable(String setting) {
        return setting.replace("-", "").replace('.', '_').toUpperCase(Locale.ROOT);
    }

    private static String compact(String variable) {
        return variable.replace("_", "");
    }

    private static String dashed(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }
}
