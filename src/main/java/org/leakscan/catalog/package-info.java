/**
 * The data catalogues from {@code signatures/}: personal-data sources, data types, permissions and
 * the API to permission map. Data, not code: loaded from the jar, or from {@code --signatures DIR}.
 * Used by the analysis stage; depends on {@code program} for descriptors, and on Gson.
 */
package org.leakscan.catalog;
