package org.leakscan.analysis;

/**
 * One analysis with one job, run once per app. A pass reads the {@link AnalysisContext} and
 * writes its findings into it. It need not catch anything: {@link PassRunner} records a failing
 * pass as an analysis error and the run goes on. Passes that walk every method go through
 * {@link AnalysisContext#forEachMethod} so a failure costs one method, not the pass.
 */
public interface Pass {

    PassInfo info();

    void run(AnalysisContext context) throws Exception;
}
