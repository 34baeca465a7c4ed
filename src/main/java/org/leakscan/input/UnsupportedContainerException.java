package org.leakscan.input;

/** The file is readable but not a container leakscan knows (APK, AAR, JAR, DEX, class, folder). */
public class UnsupportedContainerException extends InputException {

    public UnsupportedContainerException(String message) {
        super(message);
    }
}
