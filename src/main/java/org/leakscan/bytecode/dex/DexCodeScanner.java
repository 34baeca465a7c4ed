package org.leakscan.bytecode.dex;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import org.jf.dexlib2.Opcode;
import org.jf.dexlib2.dexbacked.DexBuffer;
import org.leakscan.program.CodeRefs;

/**
 * Lists what one method's DEX code calls, reads and loads ({@link CodeRefs}) by walking its
 * {@code code_item} bytes directly: one opcode byte and one width per instruction, no instruction
 * objects and no register form. The inventory needs this for every method of the app, the register
 * form ({@link DexFrontEnd}'s converter) for almost none; this walk is several times cheaper.
 *
 * <p>It agrees with the converter on what it lists (every {@code invoke-*}, {@code iget*},
 * {@code sget*}, {@code const-string*}, at the code-unit address the converter records) and on what
 * it refuses: the same odex-only opcodes that carry no symbolic reference.
 */
final class DexCodeScanner {

    /** Odex-only opcodes the converter still decodes (they keep their symbolic references). */
    private static final Set<Opcode> DECODED_ODEX = EnumSet.of(Opcode.RETURN_VOID_BARRIER,
            Opcode.RETURN_VOID_NO_BARRIER, Opcode.INVOKE_DIRECT_EMPTY, Opcode.INVOKE_OBJECT_INIT_RANGE,
            Opcode.IGET_VOLATILE, Opcode.IGET_WIDE_VOLATILE, Opcode.IGET_OBJECT_VOLATILE, Opcode.IPUT_VOLATILE,
            Opcode.IPUT_WIDE_VOLATILE, Opcode.IPUT_OBJECT_VOLATILE, Opcode.SGET_VOLATILE, Opcode.SGET_WIDE_VOLATILE,
            Opcode.SGET_OBJECT_VOLATILE, Opcode.SPUT_VOLATILE, Opcode.SPUT_WIDE_VOLATILE,
            Opcode.SPUT_OBJECT_VOLATILE, Opcode.THROW_VERIFICATION_ERROR);

    /** {@code code_item} fields before {@code insns}: registers, ins, outs, tries (u2 each), debug offset, insns size (u4 each). */
    private static final int INSNS_SIZE_FIELD = 12;
    private static final int INSNS_START = 16;

    private DexCodeScanner() {
    }

    /** What an opcode byte means to the scan ({@link #kinds}). */
    private static final byte NONE = 0;
    private static final byte STRING = 1;
    private static final byte STRING_JUMBO = 2;
    private static final byte FIELD = 3;
    private static final byte METHOD = 4;
    private static final byte CALL_SITE = 5;
    private static final byte UNSUPPORTED = 6;
    private static final byte UNKNOWN = 7;

    /**
     * Per opcode byte of one opcode table: what the scan does with it. A byte table rather than a
     * switch over {@link Opcode}: the loop stays small, which matters as much as its speed, since
     * compiling big hot methods is a large share of a short run on two cores.
     */
    static byte[] kinds(Opcode[] opcodes) {
        byte[] kinds = new byte[256];
        for (int v = 0; v < 256; v++) {
            Opcode op = opcodes[v];
            kinds[v] = op == null ? UNKNOWN : switch (op) {
                case CONST_STRING -> STRING;
                case CONST_STRING_JUMBO -> STRING_JUMBO;
                case IGET, IGET_WIDE, IGET_OBJECT, IGET_BOOLEAN, IGET_BYTE, IGET_CHAR, IGET_SHORT, IGET_VOLATILE,
                     IGET_WIDE_VOLATILE, IGET_OBJECT_VOLATILE, SGET, SGET_WIDE, SGET_OBJECT, SGET_BOOLEAN, SGET_BYTE,
                     SGET_CHAR, SGET_SHORT, SGET_VOLATILE, SGET_WIDE_VOLATILE, SGET_OBJECT_VOLATILE -> FIELD;
                case INVOKE_VIRTUAL, INVOKE_VIRTUAL_RANGE, INVOKE_SUPER, INVOKE_SUPER_RANGE, INVOKE_DIRECT,
                     INVOKE_DIRECT_RANGE, INVOKE_DIRECT_EMPTY, INVOKE_OBJECT_INIT_RANGE, INVOKE_STATIC,
                     INVOKE_STATIC_RANGE, INVOKE_INTERFACE, INVOKE_INTERFACE_RANGE, INVOKE_POLYMORPHIC,
                     INVOKE_POLYMORPHIC_RANGE -> METHOD;
                case INVOKE_CUSTOM, INVOKE_CUSTOM_RANGE -> CALL_SITE;
                default -> op.odexOnly() && !DECODED_ODEX.contains(op) ? UNSUPPORTED : NONE;
            };
        }
        return kinds;
    }

    /** Per opcode byte: the instruction's length in code units (1 for bytes that are no opcode). */
    static byte[] widths(Opcode[] opcodes) {
        byte[] widths = new byte[256];
        for (int v = 0; v < 256; v++) {
            widths[v] = (byte) (opcodes[v] == null ? 1 : Math.max(1, opcodes[v].format.size / 2));
        }
        return widths;
    }

    /**
     * The references of the code item at {@code codeOffset}.
     *
     * @throws IllegalStateException    on an opcode the converter cannot decode either
     * @throws IndexOutOfBoundsException (or another runtime exception) when the code runs off the file
     */
    static CodeRefs scan(DexFrontEnd.DexRefs refs, int codeOffset) {
        DexBuffer data = refs.data;
        byte[] kinds = refs.kinds;
        byte[] widths = refs.widths;
        int units = data.readSmallUint(codeOffset + INSNS_SIZE_FIELD);
        int start = codeOffset + INSNS_START;
        Object[] found = new Object[8];
        int[] offsets = new int[8];
        int n = 0;
        int count = 0;
        int address = 0;
        while (address < units) {
            int at = start + address * 2;
            int unit = data.readUshort(at);
            int value = unit & 0xff;
            if (value == 0 && unit != 0) {
                address += payloadUnits(data, at, unit);
                continue;
            }
            count++;
            byte kind = kinds[value];
            if (kind != NONE && kind != UNKNOWN) {
                Object ref = switch (kind) {
                    case STRING -> refs.string(data.readUshort(at + 2));
                    case STRING_JUMBO -> refs.string(data.readSmallUint(at + 2));
                    case FIELD -> refs.field(data.readUshort(at + 2));
                    case METHOD -> refs.method(data.readUshort(at + 2));
                    case CALL_SITE -> refs.callSite(data.readUshort(at + 2));
                    default -> throw new IllegalStateException("unsupported opcode " + refs.opcodes[value].name
                            + " at 0x" + Integer.toHexString(address));
                };
                if (n == found.length) {
                    found = Arrays.copyOf(found, n * 2);
                    offsets = Arrays.copyOf(offsets, n * 2);
                }
                found[n] = ref;
                offsets[n++] = address;
            }
            // dexlib2 reads a byte that is no opcode as a one-unit instruction, and the converter as a nop.
            address += widths[value];
        }
        return new CodeRefs(Arrays.copyOf(found, n), Arrays.copyOf(offsets, n), count);
    }

    /** Length in code units of the switch or array-data payload starting with {@code ident}. */
    private static int payloadUnits(DexBuffer data, int at, int ident) {
        return switch (ident) {
            case 0x0100 -> 4 + data.readUshort(at + 2) * 2;
            case 0x0200 -> 2 + data.readUshort(at + 2) * 4;
            case 0x0300 -> {
                long bytes = (long) data.readUshort(at + 2) * (data.readSmallUint(at + 4));
                long total = 4 + (bytes + 1) / 2;
                if (total > Integer.MAX_VALUE) {
                    throw new IllegalStateException("array payload of " + bytes + " bytes");
                }
                yield (int) total;
            }
            // dexlib2 reads any other non-zero high byte with opcode 0 as a one-unit nop.
            default -> 1;
        };
    }
}
