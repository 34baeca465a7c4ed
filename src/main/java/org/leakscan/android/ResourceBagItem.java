package org.leakscan.android;

/**
 * One name/value pair of a complex ("bag") resource, such as a style item or an attribute's
 * enum or flag value.
 *
 * @param key   the resource id naming the item (an attribute, or an {@code id} resource for an
 *              attribute's enum and flag names)
 * @param value the item's value
 */
public record ResourceBagItem(int key, ResourceValue value) {
}
