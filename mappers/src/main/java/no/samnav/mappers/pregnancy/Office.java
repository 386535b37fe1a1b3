package no.samnav.mappers.pregnancy;

/**
 * Where a check was done. The offices are the gateway's configuration (health stations, GP
 * offices of the cooperation), not a code list, so the caller gives both the key and the name.
 *
 * @param key     the configuration key, stable across renames
 * @param display the name shown on the card
 */
public record Office(String key, String display) {
}
