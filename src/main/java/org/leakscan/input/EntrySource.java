package org.leakscan.input;

import java.util.List;

/** Named files inside an input, read on demand: a zip archive in memory or a folder. */
public interface EntrySource {

    /** Entry names with {@code /} separators, in a stable order. */
    List<String> names();

    /** The bytes of one entry, read within the input's limits. */
    byte[] read(String name) throws InputException;

    /** The declared size of an entry, or -1 when unknown. */
    long size(String name);

    /** An input with no entries of its own (a bare DEX or class file). */
    EntrySource EMPTY = new EntrySource() {
        @Override
        public List<String> names() {
            return List.of();
        }

        @Override
        public byte[] read(String name) throws InputException {
            throw new InputException("no entry '" + name + "'");
        }

        @Override
        public long size(String name) {
            return -1;
        }
    };
}
