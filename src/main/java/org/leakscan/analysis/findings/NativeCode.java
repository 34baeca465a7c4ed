package org.leakscan.analysis.findings;

import java.util.List;

/**
 * The native libraries the app ships ({@code lib/<abi>/*.so}), which the bytecode analysis cannot
 * see into; their printable strings are searched for endpoints.
 *
 * @param abis      the ABIs with at least one library ({@code arm64-v8a}, {@code x86_64}, …), sorted
 * @param libraries every library, sorted by path
 */
public record NativeCode(List<String> abis, List<Library> libraries) {

    public NativeCode {
        abis = List.copyOf(abis);
        libraries = List.copyOf(libraries);
    }

    /** One shared library: its path in the app, its ABI folder, its size. */
    public record Library(String path, String abi, long sizeBytes) {
    }
}
