package org.leakscan.catalog;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Every catalogue an analysis reads, loaded together: built into the jar by default, or with
 * files from a user's folder taking the place of the built-in ones ({@code --signatures DIR}).
 * Immutable and thread-safe; the built-in set is loaded once per process.
 */
public final class Catalogs {

    private static volatile Catalogs builtIn;

    private final SourceCatalog sources;
    private final DataTypeCatalog dataTypes;
    private final PermissionCatalog permissions;
    private final ApiPermissionCatalog apiPermissions;
    private final PermissionFacts permissionFacts;
    private final FrameworkTypes frameworkTypes;
    // Read by the data flow only: the built-in set parses them on first use, so an inventory
    // (--no-flows) never does (about a third of the time to load the catalogues).
    private final java.util.function.Supplier<FrameworkCallbacks> frameworkCallbacks;
    private final java.util.function.Supplier<SinkCatalog> sinks;
    private final java.util.function.Supplier<ModelCatalog> models;
    private final EntityCatalog entities;
    private final TrackerCatalog trackers;

    public Catalogs(SourceCatalog sources, DataTypeCatalog dataTypes, PermissionCatalog permissions,
                    ApiPermissionCatalog apiPermissions, PermissionFacts permissionFacts, FrameworkTypes frameworkTypes,
                    FrameworkCallbacks frameworkCallbacks, SinkCatalog sinks, ModelCatalog models,
                    EntityCatalog entities, TrackerCatalog trackers) {
        this(sources, dataTypes, permissions, apiPermissions, permissionFacts, frameworkTypes, () -> frameworkCallbacks,
                () -> sinks, () -> models, entities, trackers);
    }

    private Catalogs(SourceCatalog sources, DataTypeCatalog dataTypes, PermissionCatalog permissions,
                     ApiPermissionCatalog apiPermissions, PermissionFacts permissionFacts, FrameworkTypes frameworkTypes,
                     java.util.function.Supplier<FrameworkCallbacks> frameworkCallbacks,
                     java.util.function.Supplier<SinkCatalog> sinks, java.util.function.Supplier<ModelCatalog> models,
                     EntityCatalog entities, TrackerCatalog trackers) {
        this.sources = sources;
        this.dataTypes = dataTypes;
        this.permissions = permissions;
        this.apiPermissions = apiPermissions;
        this.permissionFacts = permissionFacts;
        this.frameworkTypes = frameworkTypes;
        this.frameworkCallbacks = frameworkCallbacks;
        this.sinks = sinks;
        this.models = models;
        this.entities = entities;
        this.trackers = trackers;
    }

    /** A built-in catalogue parsed once, on first use, by whichever thread asks first. */
    private static <T> java.util.function.Supplier<T> onFirstUse(java.util.function.Supplier<T> load) {
        return new java.util.function.Supplier<>() {
            private T value;

            @Override
            public synchronized T get() {
                if (value == null) {
                    try {
                        value = load.get();
                    } catch (RuntimeException e) {
                        throw new IllegalStateException("built-in catalogue broken: " + e.getMessage(), e);
                    }
                }
                return value;
            }
        };
    }

    /** The catalogues shipped in the jar. */
    public static Catalogs builtIn() {
        Catalogs c = builtIn;
        if (c == null) {
            synchronized (Catalogs.class) {
                c = builtIn;
                if (c == null) {
                    try {
                        c = new Catalogs(SourceCatalog.loadDefault(), DataTypeCatalog.loadDefault(),
                                PermissionCatalog.loadDefault(), ApiPermissionCatalog.loadDefault(),
                                PermissionFacts.loadDefault(), FrameworkTypes.loadDefault(), onFirstUse(FrameworkCallbacks::loadDefault),
                                onFirstUse(SinkCatalog::loadDefault), onFirstUse(ModelCatalog::loadDefault),
                                EntityCatalog.loadDefault(), TrackerCatalog.loadDefault());
                    } catch (RuntimeException e) {
                        throw new IllegalStateException("built-in catalogue broken: " + e.getMessage(), e);
                    }
                    builtIn = c;
                }
            }
        }
        return c;
    }

    /**
     * The catalogues with files from {@code dir} in place of the built-in ones.
     *
     * @throws CatalogException when the folder is missing or a file in it is invalid
     */
    public static Catalogs load(Path dir) throws CatalogException {
        if (!Files.isDirectory(dir)) {
            throw new CatalogException("--signatures " + dir + ": not a folder");
        }
        try {
            return new Catalogs(SourceCatalog.loadFrom(dir), DataTypeCatalog.loadFrom(dir),
                    PermissionCatalog.loadFrom(dir), ApiPermissionCatalog.loadFrom(dir), PermissionFacts.loadFrom(dir),
                    FrameworkTypes.loadFrom(dir),
                    FrameworkCallbacks.loadFrom(dir), SinkCatalog.loadFrom(dir), ModelCatalog.loadFrom(dir),
                    EntityCatalog.loadFrom(dir), TrackerCatalog.loadFrom(dir));
        } catch (CatalogException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new CatalogException(dir + ": " + e.getMessage(), e);
        }
    }

    /**
     * These catalogues with {@code sources} and {@code sinks} in place of their own, the others
     * unchanged ({@code --sources-sinks}).
     */
    public Catalogs withSourcesAndSinks(SourceCatalog sources, SinkCatalog sinks) {
        return new Catalogs(sources, dataTypes, permissions, apiPermissions, permissionFacts, frameworkTypes, frameworkCallbacks,
                () -> sinks, models, entities, trackers);
    }

    public SourceCatalog sources() {
        return sources;
    }

    public DataTypeCatalog dataTypes() {
        return dataTypes;
    }

    public PermissionCatalog permissions() {
        return permissions;
    }

    public ApiPermissionCatalog apiPermissions() {
        return apiPermissions;
    }

    /** The hand-written supplement to {@link #apiPermissions()}. */
    public PermissionFacts permissionFacts() {
        return permissionFacts;
    }

    public FrameworkTypes frameworkTypes() {
        return frameworkTypes;
    }

    public FrameworkCallbacks frameworkCallbacks() {
        return frameworkCallbacks.get();
    }

    public SinkCatalog sinks() {
        return sinks.get();
    }

    public ModelCatalog models() {
        return models.get();
    }

    /** The companies that own hosts, and who owns a given host. */
    public EntityCatalog entities() {
        return entities;
    }

    public TrackerCatalog trackers() {
        return trackers;
    }
}
