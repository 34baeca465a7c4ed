package org.leakscan.analysis.taint;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.leakscan.program.ClassDef;
import org.leakscan.program.MethodDef;

/** The source sites found so far, one label each, made on first use. */
final class Labels {

    private final Map<List<Object>, Integer> ids = new HashMap<>();
    private final List<SourceSite> sites = new ArrayList<>();

    int label(String dataType, String api, String uri, ClassDef owner, MethodDef method, int index) {
        List<Object> key = java.util.Arrays.asList(method.ref(), index, api, dataType, uri);
        Integer id = ids.get(key);
        if (id == null) {
            id = sites.size();
            ids.put(key, id);
            sites.add(new SourceSite(id, dataType, api, uri, owner, method, index));
        }
        return id;
    }

    SourceSite site(int label) {
        return sites.get(label);
    }

    int size() {
        return sites.size();
    }
}
