/**
 * Stage 7: picocli commands. The only package that touches standard output or
 * {@code System.exit}; progress and logs go to standard error.
 */
package org.leakscan.cli;
