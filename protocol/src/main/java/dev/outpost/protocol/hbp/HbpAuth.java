package dev.outpost.protocol.hbp;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The RPTK proof: SHA-256 over the 4 salt bytes exactly as the master sent them in RPTACK, then the passphrase in
 * UTF-8 (MMDVMHost DMRNetwork writeAuthorisation; HBlink3 checks {@code sha256(salt + passphrase)}).
 */
public final class HbpAuth {
    private HbpAuth() {
    }

    public static Octets hash(long salt, String passphrase) {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
        byte[] saltBytes = new byte[4];
        HbpCodec.writeId(saltBytes, 0, salt);
        sha.update(saltBytes);
        sha.update(passphrase.getBytes(StandardCharsets.UTF_8));
        return Octets.of(sha.digest());
    }

    /** Constant-time comparison, so the time taken says nothing about how much of a guess was right. */
    public static boolean matches(Octets expected, Octets offered) {
        return MessageDigest.isEqual(expected.toByteArray(), offered.toByteArray());
    }
}
