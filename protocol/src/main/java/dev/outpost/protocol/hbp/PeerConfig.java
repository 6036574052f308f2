package dev.outpost.protocol.hbp;

import java.util.Objects;

/**
 * The repeater configuration an RPTC carries: 294 fixed-width ASCII bytes after "RPTC" and the peer id, laid out
 * as MMDVMHost/DMRGateway write them and HBlink3 slices them (offsets from the start of the datagram):
 * callsign 8 @8, RX Hz 9 @16, TX Hz 9 @25, power 2 @34, colour code 2 @36, latitude 8 @38, longitude 9 @46,
 * height 3 @55, location 20 @58, description 19 @78, slots 1 @97, URL 124 @98, software id 40 @222,
 * package id 40 @262. Numbers are zero-padded decimal; text is space-padded on the right and truncated to its
 * width when encoded; latitude and longitude stay text (MMDVMHost prints them with {@code %08f}/{@code %09f}).
 *
 * @param slots '1' or '2' for one timeslot, '3' for both, '4' for a simplex hotspot, '0' for none (MMDVMHost)
 */
public record PeerConfig(String callsign, long rxFrequencyHz, long txFrequencyHz, int txPower, int colourCode,
        String latitude, String longitude, int heightMetres, String location, String description, char slots,
        String url, String softwareId, String packageId) {

    public PeerConfig {
        Objects.requireNonNull(callsign, "callsign");
        Objects.requireNonNull(latitude, "latitude");
        Objects.requireNonNull(longitude, "longitude");
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(softwareId, "softwareId");
        Objects.requireNonNull(packageId, "packageId");
        requireRange("rx frequency", rxFrequencyHz, 0, 999_999_999L);
        requireRange("tx frequency", txFrequencyHz, 0, 999_999_999L);
        requireRange("power", txPower, 0, 99);
        requireRange("colour code", colourCode, 0, 15);
        requireRange("height", heightMetres, -99, 999);
    }

    /** Whether timeslot 1 (or 2) is in use, from {@link #slots}. A simplex hotspot ('4') counts as both. */
    public boolean usesSlot(int slot) {
        return switch (slots) {
            case '1' -> slot == 1;
            case '2' -> slot == 2;
            case '3', '4' -> true;
            default -> false;
        };
    }

    private static void requireRange(String name, long value, long min, long max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(name + " must be in [" + min + ", " + max + "]");
        }
    }
}
