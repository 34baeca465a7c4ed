package com.appsflyerx;

/** A package whose name starts like AppsFlyer's but is not AppsFlyer: must not count as it. */
public final class Helper {

    private Helper() {
    }

    public static String greet() {
        return "hello";
    }
}
