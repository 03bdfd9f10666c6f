package uk.localoffer.domain;

/** A postcode district (outcode) with the mean position of its postcodes and its main authority. */
public record PostcodeDistrict(String outcode, GeoPoint centroid, String authorityCode, String nation) {
}
