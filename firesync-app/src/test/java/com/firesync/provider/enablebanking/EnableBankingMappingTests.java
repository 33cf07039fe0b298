package com.firesync.provider.enablebanking;

import static org.assertj.core.api.Assertions.assertThat;

import com.firesync.provider.ProviderFailure;
import com.firesync.provider.ProviderTransaction;
import com.firesync.provider.enablebanking.EnableBankingJson.AccountId;
import com.firesync.provider.enablebanking.EnableBankingJson.Amount;
import com.firesync.provider.enablebanking.EnableBankingJson.Balance;
import com.firesync.provider.enablebanking.EnableBankingJson.Party;
import com.firesync.provider.enablebanking.EnableBankingJson.Transaction;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EnableBankingMappingTests {

    private static final Instant READ = Instant.parse("2026-06-15T10:00:00Z");

    @Test
    void signsDebitsNegativeAndKeysBookedRowsByTheirEntryReference() {
        var rows = read(List.of(booked("E1", "12.50", "DBIT"),
                booked("E2", "1000.00", "CRDT")), READ);

        assertThat(rows).extracting(ProviderTransaction::id).containsExactly("E1", "E2");
        assertThat(rows).extracting(ProviderTransaction::amount).containsExactly(new BigDecimal("-12.50"),
                new BigDecimal("1000.00"));
        assertThat(rows.getFirst().date()).isEqualTo(LocalDate.of(2026, 6, 12));
        assertThat(rows.getFirst().pending()).isFalse();
        assertThat(rows.getFirst().wording()).isEqualTo("CARD SHOP");
        assertThat(rows.getFirst().simplifiedWording()).isEqualTo("Shop");
        assertThat(rows.getFirst().lastUpdate()).isEqualTo(READ);
    }

    @Test
    void numbersBookedRowsSharingOneEntryReferenceAcrossThePagesOfAListing() {
        Map<String, Integer> seen = new HashMap<>();
        var firstPage = EnableBankingMapping.transactions("uid-1", List.of(booked("B7", "3.00", "DBIT"),
                booked("B7", "4.00", "DBIT")), READ, seen);
        var secondPage = EnableBankingMapping.transactions("uid-1", List.of(booked("B7", "5.00", "DBIT")), READ,
                seen);
        // the same listing read again numbers the rows the same way
        var again = read(List.of(booked("B7", "3.00", "DBIT"), booked("B7", "4.00", "DBIT")), READ);

        assertThat(firstPage).extracting(ProviderTransaction::id).containsExactly("B7", "B7#2");
        assertThat(secondPage).extracting(ProviderTransaction::id).containsExactly("B7#3");
        assertThat(again).extracting(ProviderTransaction::id).containsExactly("B7", "B7#2");
    }

    @Test
    void keysABookedRowWithoutAReferenceByItsContentNeverByItsTransactionId() {
        var first = read(List.of(bookedWithoutReference(null, "T-1"),
                bookedWithoutReference("0", "T-2")), READ);
        // the same rows read again: the bank gave them new transaction ids, as the reference says it may
        var again = read(List.of(bookedWithoutReference(null, "T-8"),
                bookedWithoutReference("0", "T-9")), READ.plusSeconds(60));

        assertThat(first).extracting(ProviderTransaction::id).doesNotHaveDuplicates()
                .allMatch(id -> id.startsWith("p:"));
        assertThat(again).extracting(ProviderTransaction::id)
                .containsExactlyElementsOf(first.stream().map(ProviderTransaction::id).toList());
    }

    @Test
    void givesPendingRowsTheSameProvisionalIdFromTheSameContentAndNumbersTwins() {
        Transaction pending = pending("PDNG-9", "4.20");
        var first = read(List.of(pending, pending), READ);
        var again = read(List.of(pending, pending), READ.plusSeconds(60));
        var otherAmount = read(List.of(pending("PDNG-9", "4.21")), READ);

        assertThat(first).extracting(ProviderTransaction::id).doesNotHaveDuplicates()
                .allMatch(id -> id.startsWith("p:") && id.length() <= 64);
        assertThat(again).extracting(ProviderTransaction::id)
                .containsExactlyElementsOf(first.stream().map(ProviderTransaction::id).toList());
        assertThat(otherAmount.getFirst().id()).isNotEqualTo(first.getFirst().id());
        assertThat(first.getFirst().pending()).isTrue();
        assertThat(first.getFirst().date()).isEqualTo(LocalDate.of(2026, 6, 14));
    }

    @Test
    void readsTheBookedBalanceFirstAndTheComingAmountFromTheExpectedOne() {
        var account = EnableBankingMapping.account("uid-1", "c", new EnableBankingJson.Account("uid-1",
                new AccountId("FR7630006000011234567890189", null), "Holder", null, "Livret A", "SVGS", "EUR", null),
                List.of(new Balance(new Amount("EUR", "120.00"), "XPCD"), new Balance(new Amount("EUR", "100.00"),
                        "CLBD")));

        assertThat(account.balance()).isEqualByComparingTo("100.00");
        assertThat(account.coming()).isEqualByComparingTo("20.00");
        assertThat(account.type()).isEqualTo("savings");
        assertThat(account.name()).isEqualTo("Livret A");
        assertThat(account.iban()).isEqualTo("FR7630006000011234567890189");
    }

    @Test
    void classifiesRefusalsByTheirErrorCodeFirst() {
        assertThat(EnableBankingFailures.classify(401, "EXPIRED_SESSION", null))
                .isEqualTo(new ProviderFailure.NeedsUserAction("EXPIRED_SESSION"));
        assertThat(EnableBankingFailures.classify(401, "UNAUTHORIZED_ACCESS", null))
                .isInstanceOf(ProviderFailure.AuthInvalid.class);
        assertThat(EnableBankingFailures.classify(429, "ASPSP_RATE_LIMIT_EXCEEDED", Duration.ofSeconds(5))
                .retryable()).isFalse();
        assertThat(EnableBankingFailures.classify(429, null, Duration.ofSeconds(5)))
                .isEqualTo(new ProviderFailure.RateLimited(Duration.ofSeconds(5)));
        assertThat(EnableBankingFailures.classify(502, null, null).retryable()).isTrue();
        assertThat(EnableBankingFailures.classify(422, "WRONG_ASPSP_PROVIDED", null).code()).isEqualTo("unknown_bank");
    }

    private static List<ProviderTransaction> read(List<Transaction> rows, Instant at) {
        return EnableBankingMapping.transactions("uid-1", rows, at, new HashMap<>());
    }

    private static Transaction booked(String reference, String amount, String direction) {
        return new Transaction(reference, reference, new Amount("EUR", amount), direction, "BOOK", "2026-06-12",
                "2026-06-12", "2026-06-11", new Party("Shop"), new Party("Me"), null, null, null,
                List.of("CARD SHOP"), null);
    }

    private static Transaction bookedWithoutReference(String reference, String transactionId) {
        return new Transaction(reference, transactionId, new Amount("EUR", "7.00"), "DBIT", "BOOK", "2026-06-12",
                "2026-06-12", null, new Party("Kiosk"), null, null, null, null, List.of("KIOSK"), null);
    }

    private static Transaction pending(String reference, String amount) {
        return new Transaction(reference, null, new Amount("EUR", amount), "DBIT", "PDNG", null, null, "2026-06-14",
                new Party("Bakery"), null, null, null, null, List.of("CB BAKERY"), null);
    }
}
