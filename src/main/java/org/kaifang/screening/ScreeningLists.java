package org.kaifang.screening;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The lists the system screens against now: the built-in compilation, then the current version of each imported list
 * id, in id order. {@link #current()} returns an immutable {@link Screening}; after an import the new list is indexed
 * first and only then published, in one step, so a screening in progress finishes on the lists it began with and the
 * next one sees the import. The imports are loaded when the application has started (or on first use, where the
 * application starts lazily, as {@code kaifang lists} does).
 */
@Component
public class ScreeningLists implements SmartInitializingSingleton {

    private static final Logger LOG = LoggerFactory.getLogger(ScreeningLists.class);

    private final ListImports imports;
    private final Thresholds thresholds;
    private final Map<String, Instant> since = new HashMap<>();
    private volatile @Nullable Screening current;

    ScreeningLists(ListImports imports, ScreeningSettings settings) {
        this.imports = imports;
        this.thresholds = settings.thresholds();
    }

    @Override
    public void afterSingletonsInstantiated() {
        current();
    }

    /** The screening to use now. */
    public Screening current() {
        var screening = current;
        if (screening != null) {
            return screening;
        }
        synchronized (this) {
            if (current == null) {
                current = load();
            }
            return current;
        }
    }

    /** Every list version {@link #current()} screens against, the built-in one first. */
    public List<ListRef> lists() {
        return current().lists();
    }

    private Screening load() {
        var screening = new Screening(BuiltInLists.load(), thresholds);
        for (var imported : imports.current()) {
            screening = screening.with(imported.list());
            since.put(imported.version().ref().id(), imported.version().currentSince());
            LOG.info(
                    "Screening against {} {} ({} entries)",
                    imported.version().ref().id(),
                    imported.version().ref().version(),
                    imported.version().entries());
        }
        return screening;
    }

    @EventListener
    synchronized void on(ListImported imported) {
        var screening = current;
        if (screening == null) {
            return; // not loaded yet: loading reads the import from the database
        }
        var id = imported.version().ref().id();
        var previous = since.get(id);
        if (previous != null && previous.isAfter(imported.version().currentSince())) {
            return; // a later import of the same list was published first
        }
        var next = screening.with(imported.list());
        since.put(id, imported.version().currentSince());
        current = next;
        LOG.info("Now screening against {} {}", id, imported.version().ref().version());
    }
}
