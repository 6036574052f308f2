package dev.outpost.protocol.pei;

/**
 * The comma-separated parameters of one {@code +NAME: a,b,c} line, with strict number and identity parsing.
 * Every violation throws {@link PeiDecodeException} with a reason naming the line and the field position.
 */
final class PeiFields {
    /** Integers in PEI parameters are small; nine digits keep every value inside an int. */
    private static final int MAX_INT_DIGITS = 9;

    private final String name;
    private final String[] fields;

    private PeiFields(String name, String[] fields) {
        this.name = name;
        this.fields = fields;
    }

    /** Splits the text after {@code name:}; whitespace around each field is ignored. */
    static PeiFields of(String name, String parameters) {
        String[] parts = parameters.split(",", -1);
        for (int i = 0; i < parts.length; i++) {
            parts[i] = parts[i].trim();
        }
        return new PeiFields(name, parts);
    }

    int count() {
        return fields.length;
    }

    void expectCount(int min, int max) {
        if (fields.length < min || fields.length > max) {
            throw new PeiDecodeException(name + " has " + fields.length + " fields; expected "
                    + (min == max ? String.valueOf(min) : min + " to " + max));
        }
    }

    boolean empty(int index) {
        return index >= fields.length || fields[index].isEmpty();
    }

    int integer(int index) {
        if (empty(index)) {
            throw new PeiDecodeException(name + " field " + (index + 1) + " is missing");
        }
        String field = fields[index];
        if (field.length() > MAX_INT_DIGITS || !field.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new PeiDecodeException(name + " field " + (index + 1) + " is not a number of at most "
                    + MAX_INT_DIGITS + " digits");
        }
        return Integer.parseInt(field);
    }

    Integer optionalInteger(int index) {
        return empty(index) ? null : integer(index);
    }

    /** An identity in field {@code digitsIndex} with its type in {@code typeIndex} (or no type, when negative). */
    TetraIdentity identity(int digitsIndex, int typeIndex) {
        IdentityType type = null;
        if (typeIndex >= 0 && !empty(typeIndex)) {
            int code = integer(typeIndex);
            type = IdentityType.of(code).orElseThrow(
                    () -> new PeiDecodeException(name + " field " + (typeIndex + 1) + ": unknown identity type "
                            + code));
        }
        if (empty(digitsIndex)) {
            throw new PeiDecodeException(name + " field " + (digitsIndex + 1) + " (identity) is missing");
        }
        String digits = fields[digitsIndex];
        if (digits.length() > PeiLimits.MAX_IDENTITY_DIGITS || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new PeiDecodeException(name + " field " + (digitsIndex + 1) + " is not an identity of 1 to "
                    + PeiLimits.MAX_IDENTITY_DIGITS + " digits");
        }
        return new TetraIdentity(digits, type);
    }

    /** An identity whose digit and type fields may both be empty (then null). */
    TetraIdentity optionalIdentity(int digitsIndex, int typeIndex) {
        if (empty(digitsIndex)) {
            if (!empty(typeIndex)) {
                integer(typeIndex); // a type without an identity is tolerated, but it must still be a number
            }
            return null;
        }
        return identity(digitsIndex, typeIndex);
    }
}
