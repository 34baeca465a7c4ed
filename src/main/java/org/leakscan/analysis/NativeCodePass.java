package org.leakscan.analysis;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;
import org.leakscan.analysis.findings.NativeCode;

/** The native libraries ({@code lib/<abi>/*.so}) and the ABIs they are built for. */
public final class NativeCodePass implements Pass {

    public static final PassInfo INFO = PassInfo.of("native-code", "native libraries and their ABIs");

    @Override
    public PassInfo info() {
        return INFO;
    }

    @Override
    public void run(AnalysisContext context) {
        List<NativeCode.Library> libraries = new ArrayList<>();
        TreeSet<String> abis = new TreeSet<>();
        for (String name : context.app().entries().names()) {
            String abi = abiOf(name);
            if (abi != null) {
                abis.add(abi);
                libraries.add(new NativeCode.Library(name, abi, Math.max(0, context.app().entries().size(name))));
            }
        }
        if (!libraries.isEmpty()) {
            libraries.sort(Comparator.comparing(NativeCode.Library::path));
            context.setNativeCode(new NativeCode(List.copyOf(abis), libraries));
        }
    }

    /** The ABI folder of a native library path {@code lib/<abi>/<name>.so}, or null for other paths. */
    static String abiOf(String name) {
        if (!name.startsWith("lib/") || !name.endsWith(".so")) {
            return null;
        }
        int slash = name.indexOf('/', 4);
        if (slash <= 4 || name.indexOf('/', slash + 1) >= 0) {
            return null;
        }
        return name.substring(4, slash);
    }
}
