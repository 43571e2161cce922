package io.tronpay.monitor;

import io.tronpay.core.Address;
import io.tronpay.core.TokenAmount;
import java.math.BigInteger;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * What the host watches for: an exact amount of one asset to one deposit address, before an
 * expiry. Immutable; build one with {@link #builder()}.
 *
 * <p>The expiry is either absolute ({@link Builder#expiresAt}) or relative to the moment the
 * monitor starts watching ({@link Builder#expiresIn}, 24 hours by default).
 */
public final class PaymentRequest {
  /** The default time a request stays open. */
  public static final Duration DEFAULT_EXPIRY = Duration.ofHours(24);
  /** The longest id or order id accepted. */
  public static final int MAX_ID_LENGTH = 128;

  private final String id;
  private final String orderId;
  private final Address address;
  private final Asset asset;
  private final BigInteger expectedUnits;
  private final MatchMode matchMode;
  private final ConfirmationPolicy confirmation;
  private final Duration expiresIn;
  private final Instant expiresAt;
  private final Map<String, String> metadata;
  private final String callbackUrl;

  private PaymentRequest(Builder b) {
    this.id = b.id != null ? b.id : UUID.randomUUID().toString();
    this.orderId = b.orderId;
    this.address = b.address;
    this.asset = b.asset;
    this.expectedUnits = b.expectedUnits;
    this.matchMode = b.matchMode;
    this.confirmation = b.confirmation;
    this.expiresIn = b.expiresAt == null ? b.expiresIn : null;
    this.expiresAt = b.expiresAt;
    this.metadata = b.metadata.isEmpty() ? Map.of() : Map.copyOf(b.metadata);
    this.callbackUrl = b.callbackUrl;
  }

  /** A builder; order id, address and amount are required. */
  public static Builder builder() {
    return new Builder();
  }

  /** The request id: the host's, or a generated UUID. */
  public String id() {
    return id;
  }

  /** The host's order id, unique among the requests in a store. */
  public String orderId() {
    return orderId;
  }

  /** The deposit address. */
  public Address address() {
    return address;
  }

  /** The asset expected. */
  public Asset asset() {
    return asset;
  }

  /** The expected amount in base units (sun for TRX). */
  public BigInteger expectedUnits() {
    return expectedUnits;
  }

  /** The expected amount, exact. */
  public TokenAmount expectedAmount() {
    return asset.amount(expectedUnits);
  }

  /** How transfers find this request. */
  public MatchMode matchMode() {
    return matchMode;
  }

  /** When a transfer counts as confirmed. */
  public ConfirmationPolicy confirmation() {
    return confirmation;
  }

  /**
   * The moment this request expires if the monitor starts watching it at {@code watchedAt}.
   *
   * @param watchedAt when it is watched
   * @return the absolute expiry
   */
  public Instant expiryFrom(Instant watchedAt) {
    return expiresAt != null ? expiresAt : watchedAt.plus(expiresIn);
  }

  /** The host's metadata, unmodifiable (empty if none). */
  public Map<String, String> metadata() {
    return metadata;
  }

  /** The host's callback URL, or null. */
  public String callbackUrl() {
    return callbackUrl;
  }

  /** A builder holding this request's values, for a modified copy. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.id = id;
    b.orderId = orderId;
    b.address = address;
    b.asset = asset;
    b.expectedUnits = expectedUnits;
    b.matchMode = matchMode;
    b.confirmation = confirmation;
    b.expiresIn = expiresIn != null ? expiresIn : DEFAULT_EXPIRY;
    b.expiresAt = expiresAt;
    b.metadata.putAll(metadata);
    b.callbackUrl = callbackUrl;
    return b;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof PaymentRequest other && id.equals(other.id)
        && orderId.equals(other.orderId) && address.equals(other.address)
        && asset.equals(other.asset) && expectedUnits.equals(other.expectedUnits)
        && matchMode == other.matchMode && confirmation.equals(other.confirmation)
        && Objects.equals(expiresIn, other.expiresIn)
        && Objects.equals(expiresAt, other.expiresAt) && metadata.equals(other.metadata)
        && Objects.equals(callbackUrl, other.callbackUrl);
  }

  @Override
  public int hashCode() {
    return Objects.hash(id, orderId, address, expectedUnits);
  }

  /** Id, order, address and amount; metadata is left out because hosts may put personal data in it. */
  @Override
  public String toString() {
    return "PaymentRequest{id=" + id + ", orderId=" + orderId + ", address=" + address + ", "
        + expectedAmount() + " " + asset.symbol() + ", " + matchMode + "}";
  }

  /** Collects a request's fields; {@link #build()} checks them. */
  public static final class Builder {
    private String id;
    private String orderId;
    private Address address;
    private Asset asset;
    private BigInteger expectedUnits;
    private MatchMode matchMode = MatchMode.UNIQUE_ADDRESS;
    private ConfirmationPolicy confirmation = ConfirmationPolicy.SOLIDIFIED;
    private Duration expiresIn = DEFAULT_EXPIRY;
    private Instant expiresAt;
    private final Map<String, String> metadata = new LinkedHashMap<>();
    private String callbackUrl;

    private Builder() {}

    /**
     * The host's id; a random UUID when not set.
     *
     * @param id 1 to {@value PaymentRequest#MAX_ID_LENGTH} characters
     * @return this builder
     */
    public Builder id(String id) {
      this.id = checkId(id, "id");
      return this;
    }

    /**
     * The host's order id (required, unique).
     *
     * @param orderId 1 to {@value PaymentRequest#MAX_ID_LENGTH} characters
     * @return this builder
     */
    public Builder orderId(String orderId) {
      this.orderId = checkId(orderId, "orderId");
      return this;
    }

    /**
     * The deposit address (required).
     *
     * @param address where the payment goes
     * @return this builder
     */
    public Builder address(Address address) {
      this.address = Objects.requireNonNull(address, "address");
      return this;
    }

    /**
     * Expects TRX.
     *
     * @param sun the exact amount in sun, more than 0
     * @return this builder
     */
    public Builder trx(long sun) {
      return amount(Asset.TRX, BigInteger.valueOf(sun));
    }

    /**
     * Expects USDT (the mainnet contract).
     *
     * @param amount the exact amount with 6 decimals
     * @return this builder
     */
    public Builder usdt(TokenAmount amount) {
      return amount(Asset.USDT, amount);
    }

    /**
     * Expects an amount of an asset.
     *
     * @param asset the asset
     * @param amount the exact amount; its decimals must be the asset's
     * @return this builder
     */
    public Builder amount(Asset asset, TokenAmount amount) {
      Objects.requireNonNull(amount, "amount");
      if (amount.decimals() != asset.decimals()) {
        throw new InvalidPaymentRequestException("amount has " + amount.decimals()
            + " decimals but " + asset.symbol() + " has " + asset.decimals());
      }
      return amount(asset, amount.units());
    }

    /**
     * Expects an amount of an asset in base units.
     *
     * @param asset the asset
     * @param units the exact amount in base units, more than 0
     * @return this builder
     */
    public Builder amount(Asset asset, BigInteger units) {
      Objects.requireNonNull(asset, "asset");
      Objects.requireNonNull(units, "units");
      if (units.signum() <= 0) {
        throw new InvalidPaymentRequestException("expected amount must be more than 0, got "
            + units);
      }
      this.asset = asset;
      this.expectedUnits = units;
      return this;
    }

    /**
     * How transfers find this request; {@link MatchMode#UNIQUE_ADDRESS} by default.
     *
     * @param matchMode the mode
     * @return this builder
     */
    public Builder matchMode(MatchMode matchMode) {
      this.matchMode = Objects.requireNonNull(matchMode, "matchMode");
      return this;
    }

    /**
     * When a transfer counts as confirmed; solidified by default.
     *
     * @param confirmation the policy
     * @return this builder
     */
    public Builder confirmation(ConfirmationPolicy confirmation) {
      this.confirmation = Objects.requireNonNull(confirmation, "confirmation");
      return this;
    }

    /**
     * Expires this long after the monitor starts watching (24 hours by default).
     *
     * @param expiresIn more than 0
     * @return this builder
     */
    public Builder expiresIn(Duration expiresIn) {
      Objects.requireNonNull(expiresIn, "expiresIn");
      if (expiresIn.isNegative() || expiresIn.isZero()) {
        throw new InvalidPaymentRequestException("expiresIn must be positive, got " + expiresIn);
      }
      this.expiresIn = expiresIn;
      this.expiresAt = null;
      return this;
    }

    /**
     * Expires at a fixed moment.
     *
     * @param expiresAt the moment
     * @return this builder
     */
    public Builder expiresAt(Instant expiresAt) {
      this.expiresAt = Objects.requireNonNull(expiresAt, "expiresAt");
      return this;
    }

    /**
     * Adds one metadata entry.
     *
     * @param key not blank
     * @param value not null
     * @return this builder
     */
    public Builder metadata(String key, String value) {
      Objects.requireNonNull(key, "metadata key");
      Objects.requireNonNull(value, "metadata value of '" + key + "'");
      if (key.isBlank()) {
        throw new InvalidPaymentRequestException("metadata key must not be blank");
      }
      metadata.put(key, value);
      return this;
    }

    /**
     * Adds metadata entries.
     *
     * @param entries keys and values, none null
     * @return this builder
     */
    public Builder metadata(Map<String, String> entries) {
      entries.forEach(this::metadata);
      return this;
    }

    /**
     * The host's callback URL for webhooks.
     *
     * @param callbackUrl an absolute http or https URL, or null for none
     * @return this builder
     */
    public Builder callbackUrl(String callbackUrl) {
      if (callbackUrl != null) {
        URI uri;
        try {
          uri = new URI(callbackUrl);
        } catch (URISyntaxException e) {
          throw new InvalidPaymentRequestException("callbackUrl is not a URL: " + e.getReason()
              + " at index " + e.getIndex());
        }
        if (!"https".equalsIgnoreCase(uri.getScheme()) && !"http".equalsIgnoreCase(uri.getScheme())
            || uri.getHost() == null) {
          throw new InvalidPaymentRequestException(
              "callbackUrl must be an absolute http(s) URL with a host");
        }
      }
      this.callbackUrl = callbackUrl;
      return this;
    }

    /**
     * Checks and builds.
     *
     * @return the request
     * @throws InvalidPaymentRequestException naming the missing or bad field
     */
    public PaymentRequest build() {
      if (orderId == null) {
        throw new InvalidPaymentRequestException("orderId is required");
      }
      if (address == null) {
        throw new InvalidPaymentRequestException("address is required");
      }
      if (asset == null) {
        throw new InvalidPaymentRequestException("expected amount is required");
      }
      return new PaymentRequest(this);
    }

    private static String checkId(String value, String field) {
      Objects.requireNonNull(value, field);
      if (value.isEmpty() || value.length() > MAX_ID_LENGTH) {
        throw new InvalidPaymentRequestException(field + " must be 1 to " + MAX_ID_LENGTH
            + " characters, got " + value.length());
      }
      for (int i = 0; i < value.length(); i++) {
        if (Character.isISOControl(value.charAt(i))) {
          throw new InvalidPaymentRequestException(field + " has a control character at index "
              + i);
        }
      }
      return value;
    }
  }
}
