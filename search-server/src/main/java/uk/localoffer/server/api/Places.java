package uk.localoffer.server.api;

import uk.localoffer.directory.Directory;
import uk.localoffer.geo.Locator;
import uk.localoffer.geo.Place;
import uk.localoffer.server.http.BadRequestException;
import uk.localoffer.server.http.NotFoundException;

/** A postcode in a request, placed: not a postcode at all is a bad parameter, one the table does not have is not found. */
final class Places {
    private Places() { }

    static Place locate(Directory directory, String field, String postcode) {
        try {
            return directory.locator().locate(postcode, null);
        } catch (Locator.NotAPostcodeException e) {
            throw BadRequestException.parameter(field, e.getMessage());
        } catch (Locator.UnknownPostcodeException e) {
            throw new NotFoundException(e.getMessage());
        }
    }
}
