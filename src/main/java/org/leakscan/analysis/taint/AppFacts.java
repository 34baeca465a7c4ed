package org.leakscan.analysis.taint;

import java.util.List;
import java.util.Set;
import java.util.function.IntFunction;
import java.util.function.Predicate;

/**
 * What the manifest, layouts and code ownership say that the engine needs.
 *
 * @param components       manifest components
 * @param applicationClass type descriptor of the Application class, or null
 * @param onClickMethods   method names in layouts' {@code android:onClick}
 * @param layoutClasses    app classes that layouts make the framework instantiate (views, fragments)
 * @param resourceString   the text of a string resource by id, or null
 * @param bundledLibrary   true for classes of libraries bundled in the app: a call into one that
 *                         the catalogues describe is taken from the catalogue
 * @param infrastructure   true for classes of well-known non-tracking libraries (AndroidX, Kotlin,
 *                         OkHttp...): data they read themselves is not the app's doing, so no source
 *                         is seeded there and no implicit flow is followed there
 */
public record AppFacts(List<Component> components, String applicationClass, Set<String> onClickMethods,
                       Set<String> layoutClasses, IntFunction<String> resourceString,
                       Predicate<String> bundledLibrary, Predicate<String> infrastructure) {

    public AppFacts {
        components = List.copyOf(components);
        onClickMethods = Set.copyOf(onClickMethods);
        layoutClasses = Set.copyOf(layoutClasses);
    }

    public static final AppFacts NONE = new AppFacts(List.of(), null, Set.of(), Set.of(), id -> null, t -> false,
            t -> false);

    /**
     * One manifest component.
     *
     * @param type    type descriptor of its class
     * @param kind    {@code activity}, {@code service}, {@code receiver}, {@code provider}
     * @param actions the actions of its intent filters
     */
    public record Component(String type, String kind, List<String> actions) {
        public Component {
            actions = List.copyOf(actions);
        }
    }
}
