package com.firesync.provider.powens;

import com.firesync.provider.ProviderException;
import com.firesync.provider.ProviderFailure;
import com.firesync.provider.ProviderToken;
import com.firesync.provider.ProviderTransaction;
import com.firesync.provider.TransactionPage;
import java.net.URI;
import java.util.List;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * One walk through a transaction listing: read a page, hand it over, follow {@code _links.next} until it is null. An
 * answer without any {@code _links} (older servers) is paged by {@code offset} instead, until a short page.
 */
final class TransactionListing {

    static final String OPERATION = "Powens GET transactions";

    private final PowensClient client;

    private final ProviderToken token;

    private final PageLinks links;

    private final URI first;

    TransactionListing(PowensClient client, ProviderToken token, URI baseUrl, URI first) {
        this.client = client;
        this.token = token;
        this.links = new PageLinks(baseUrl);
        this.first = first;
    }

    long run(Consumer<TransactionPage> pages) {
        long delivered = 0;
        URI current = first;
        for (int number = 1;; number++) {
            PowensJson.TransactionList json = client.transactionPage(current, token);
            List<ProviderTransaction> rows = client.map(json);
            URI next = next(json, rows.size(), current, number);
            pages.accept(new TransactionPage(number, rows, next == null));
            delivered += rows.size();
            if (next == null) {
                return delivered;
            }
            current = next;
        }
    }

    private @Nullable URI next(PowensJson.TransactionList json, int rows, URI current, int number) {
        URI next;
        if (json.links() != null) {
            PowensJson.Link link = json.links().next();
            next = link == null || link.href() == null || link.href().isBlank() ? null : links.next(link.href());
        } else {
            next = rows < client.pageSize() ? null : withOffset((long) number * client.pageSize());
        }
        if (current.equals(next)) {
            // a server pointing a page at itself would otherwise be read forever
            throw new ProviderException(OPERATION, new ProviderFailure.Permanent("pagination_loop"));
        }
        return next;
    }

    private URI withOffset(long offset) {
        String separator = first.getRawQuery() == null ? "?" : "&";
        return URI.create(first + separator + "offset=" + offset);
    }
}
