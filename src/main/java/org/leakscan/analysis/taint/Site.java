package org.leakscan.analysis.taint;

import org.leakscan.program.MethodDef;

/**
 * One instruction of one method: where a source is read, an object made, a call made. Equality by
 * the method's reference and the index.
 */
record Site(MethodDef method, int index) {

    @Override
    public String toString() {
        return method.ref() + "@" + index;
    }
}
