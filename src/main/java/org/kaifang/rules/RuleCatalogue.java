package org.kaifang.rules;

import java.nio.file.Path;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * The rule packs this node judges by. At start-up it loads the bundled pack, or the pack in the directory named by
 * {@code kaifang.rules.directory}, and refuses to start if the pack has any defect.
 */
@Component
@EnableConfigurationProperties(RuleCatalogue.RulesSettings.class)
public class RuleCatalogue {

    private static final Logger log = LoggerFactory.getLogger(RuleCatalogue.class);

    private final RulePack current;

    @org.springframework.beans.factory.annotation.Autowired
    RuleCatalogue(RulesSettings settings) {
        this.current = settings.directory() == null
                ? RulePackLoader.fromClasspath(settings.pack())
                : RulePackLoader.fromDirectory(settings.directory());
        log.info(
                "Rule pack {} {} loaded ({})",
                current.id(),
                current.version(),
                current.ref().digest());
    }

    /** Creates a catalogue holding one already loaded pack. */
    public static RuleCatalogue of(RulePack pack) {
        return new RuleCatalogue(pack);
    }

    private RuleCatalogue(RulePack pack) {
        this.current = pack;
    }

    /** The pack that new determinations are made under. */
    public RulePack current() {
        return current;
    }

    /** Every pack this node holds. */
    public List<RulePack> packs() {
        return List.of(current);
    }

    /**
     * Settings of the rules module, bound from {@code kaifang.rules.*}.
     *
     * @param pack the id of the bundled pack to load
     * @param directory a pack directory to load instead of the bundled pack
     */
    @ConfigurationProperties("kaifang.rules")
    record RulesSettings(String pack, @Nullable Path directory) {
        RulesSettings {
            if (pack == null || pack.isBlank()) {
                pack = "telecom-vas";
            }
        }
    }
}
