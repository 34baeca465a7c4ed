package org.leakscan.analysis;

import java.util.concurrent.Semaphore;

/**
 * How much heap an app is assumed to need while it is analysed, and a gate that lets apps in only
 * while their sum fits three quarters of the heap. Batch mode ({@code leakscan scan --batch}) and
 * the Spark job bound the apps in flight this way, so one JVM never starts more than its heap holds.
 */
public final class HeapBudget {

    /** Heap an app is assumed to need, per MiB of input file: measured on the benchmark apps. */
    public static final int MIB_PER_INPUT_MIB = 60;
    /** The least any app is assumed to need. */
    public static final int MIN_WEIGHT_MIB = 64;

    private final int budgetMiB;
    private final Semaphore permits;

    /** A gate over three quarters of {@code maxHeapBytes}. */
    public HeapBudget(long maxHeapBytes) {
        this.budgetMiB = (int) Math.max(MIN_WEIGHT_MIB, Math.min(Integer.MAX_VALUE, maxHeapBytes / (1024 * 1024) * 3 / 4));
        this.permits = new Semaphore(budgetMiB, true);
    }

    /** The heap an app of {@code inputBytes} is assumed to need. */
    public static int weightMiB(long inputBytes) {
        long mib = Math.max(0, inputBytes) / (1024 * 1024);
        return (int) Math.min(Integer.MAX_VALUE, Math.max(MIN_WEIGHT_MIB, mib * MIB_PER_INPUT_MIB));
    }

    /** Waits until an app of {@code inputBytes} fits; returns the weight to {@link #release} afterwards. */
    public int acquire(long inputBytes) throws InterruptedException {
        int weight = Math.min(budgetMiB, weightMiB(inputBytes));
        permits.acquire(weight);
        return weight;
    }

    public void release(int weight) {
        permits.release(weight);
    }
}
