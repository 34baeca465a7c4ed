package org.leakscan.catalog;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The data-type taxonomy from {@code datatypes.json} (schema {@value #SCHEMA}): the 14 Google Play
 * Data safety categories and the fine-grained data types that roll up to them. Immutable and
 * thread-safe; lookups are by id.
 */
public final class DataTypeCatalog {

    /** The file name in {@code signatures/} and in a {@code --signatures} directory. */
    public static final String FILE_NAME = "datatypes.json";
    /** The schema name the file must carry. */
    public static final String SCHEMA = "leakscan-datatypes/1";

    /** The 14 category ids, in the order of the Play form. */
    public static final List<String> CATEGORY_IDS = List.of("location", "personal-info", "financial-info",
            "health-fitness", "messages", "photos-videos", "audio-files", "files-docs", "calendar", "contacts",
            "app-activity", "web-browsing", "app-info-performance", "device-ids");

    private static final Pattern DATA_TYPE_ID = Pattern.compile("[a-z][a-z0-9-]*(\\.[a-z][a-z0-9-]*)*");
    private static final Set<String> ROOT_KEYS = Set.of("schema", "about", "categories", "dataTypes");
    private static final Set<String> CATEGORY_KEYS = Set.of("id", "name", "playTypes");
    private static final Set<String> TYPE_KEYS = Set.of("id", "name", "category", "playType", "description");

    private static final CatalogJson.CatalogFile<DataTypeCatalog> FILE =
            new CatalogJson.CatalogFile<>(FILE_NAME, SCHEMA, DataTypeCatalog::fromJson);

    private final Map<String, DataCategory> categories;
    private final Map<String, DataType> dataTypes;
    private final List<DataCategory> categoryList;
    private final List<DataType> dataTypeList;

    private DataTypeCatalog(Map<String, DataCategory> categories, Map<String, DataType> dataTypes) {
        this.categories = Map.copyOf(categories);
        this.dataTypes = Map.copyOf(dataTypes);
        // The maps come in file order; the lists keep it for categories() and dataTypes().
        this.categoryList = List.copyOf(categories.values());
        this.dataTypeList = List.copyOf(dataTypes.values());
    }

    /**
     * The taxonomy shipped in the jar, parsed once on first use.
     *
     * @throws CatalogException when the shipped file is missing or invalid (a build error)
     */
    public static DataTypeCatalog loadDefault() {
        return FILE.shipped();
    }

    /**
     * The taxonomy in {@code directory} when it holds a {@value #FILE_NAME}, else the shipped one.
     *
     * @throws CatalogException when the file cannot be read or is not valid
     */
    public static DataTypeCatalog loadFrom(Path directory) {
        return FILE.loadFrom(directory);
    }

    /** Parses a {@value #SCHEMA} document; errors name it {@value #FILE_NAME}. Does not close {@code in}. */
    public static DataTypeCatalog load(InputStream in) {
        return load(in, FILE_NAME);
    }

    /** Parses a {@value #SCHEMA} document; errors name it {@code label}. Does not close {@code in}. */
    public static DataTypeCatalog load(InputStream in, String label) {
        return FILE.load(in, label);
    }

    /** Builds the taxonomy from a schema-checked root; errors start with {@code file}. */
    private static DataTypeCatalog fromJson(JsonObject root, String file) {
        CatalogJson.allowOnly(root, ROOT_KEYS, file);
        Map<String, DataCategory> categories = new LinkedHashMap<>();
        int index = 0;
        for (JsonElement element : CatalogJson.array(root, "categories", file, true)) {
            String where = file + ": categories[" + index++ + "]";
            JsonObject o = CatalogJson.object(element, where);
            CatalogJson.allowOnly(o, CATEGORY_KEYS, where);
            String id = CatalogJson.string(o, "id", where);
            if (!CATEGORY_IDS.contains(id)) {
                throw new CatalogException(where + ": unknown category id \"" + id + "\" (expected one of " + CATEGORY_IDS + ")");
            }
            List<String> playTypes = CatalogJson.stringList(o, "playTypes", where, true);
            if (playTypes.isEmpty() || new HashSet<>(playTypes).size() != playTypes.size()) {
                throw new CatalogException(where + ": \"playTypes\" must be non-empty and without repeats");
            }
            if (categories.put(id, new DataCategory(id, CatalogJson.string(o, "name", where), playTypes)) != null) {
                throw new CatalogException(where + ": category \"" + id + "\" appears twice");
            }
        }
        if (!categories.keySet().containsAll(CATEGORY_IDS)) {
            List<String> missing = new ArrayList<>(CATEGORY_IDS);
            missing.removeAll(categories.keySet());
            throw new CatalogException(file + ": categories missing: " + missing);
        }
        Map<String, DataType> types = new LinkedHashMap<>();
        index = 0;
        for (JsonElement element : CatalogJson.array(root, "dataTypes", file, true)) {
            String where = file + ": dataTypes[" + index++ + "]";
            JsonObject o = CatalogJson.object(element, where);
            CatalogJson.allowOnly(o, TYPE_KEYS, where);
            String id = CatalogJson.string(o, "id", where);
            where += " (" + id + ")";
            if (!DATA_TYPE_ID.matcher(id).matches()) {
                throw new CatalogException(where + ": malformed id");
            }
            String categoryId = CatalogJson.string(o, "category", where);
            DataCategory category = categories.get(categoryId);
            if (category == null) {
                throw new CatalogException(where + ": unknown category \"" + categoryId + "\"");
            }
            String playType = CatalogJson.string(o, "playType", where);
            if (!category.playTypes().contains(playType)) {
                throw new CatalogException(where + ": playType \"" + playType + "\" is not one of category "
                        + categoryId + "'s " + category.playTypes());
            }
            String description = CatalogJson.optionalString(o, "description", where);
            DataType type = new DataType(id, CatalogJson.string(o, "name", where), category, playType,
                    description == null ? "" : description);
            if (types.put(id, type) != null) {
                throw new CatalogException(where + ": data type \"" + id + "\" appears twice");
            }
        }
        return new DataTypeCatalog(categories, types);
    }

    /** The data type with this id. */
    public Optional<DataType> dataType(String id) {
        return Optional.ofNullable(dataTypes.get(id));
    }

    /** True when a data type with this id exists. */
    public boolean contains(String dataTypeId) {
        return dataTypes.containsKey(dataTypeId);
    }

    /** The category with this category id ({@code location}, ..., {@code device-ids}). */
    public Optional<DataCategory> category(String categoryId) {
        return Optional.ofNullable(categories.get(categoryId));
    }

    /** The category a data type rolls up to. */
    public Optional<DataCategory> categoryOf(String dataTypeId) {
        return dataType(dataTypeId).map(DataType::category);
    }

    /** The 14 categories in file order. */
    public List<DataCategory> categories() {
        return categoryList;
    }

    /** Every data type in file order. */
    public List<DataType> dataTypes() {
        return dataTypeList;
    }
}
