package io.wudoctor.internal.kb;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * SHA-256 over a rule folder's files, each as its path inside the folder and its text (both
 * length-prefixed, so no two different packs hash alike), in the loader's sorted order. A file
 * that is not UTF-8 counts by its path only: it is reported as a problem anyway.
 */
final class PackDigest {

    private final MessageDigest sha;
    private int files;

    PackDigest() {
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    void add(String relativePath, String content) {
        update(relativePath);
        update(content);
        files++;
    }

    private void update(String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        sha.update((b.length + ":").getBytes(StandardCharsets.US_ASCII));
        sha.update(b);
    }

    String hex() {
        try {
            return HexFormat.of().formatHex(((MessageDigest) sha.clone()).digest());
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException(e);
        }
    }

    int files() {
        return files;
    }
}
