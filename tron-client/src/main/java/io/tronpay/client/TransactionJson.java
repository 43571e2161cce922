package io.tronpay.client;

import io.tronpay.client.internal.JsonNode;
import io.tronpay.client.internal.JsonShapeException;
import io.tronpay.client.internal.TransactionJsonCodec;
import io.tronpay.core.tx.Transaction;
import io.tronpay.core.tx.TransactionFormatException;

/**
 * The TRON node's JSON form of a transaction, as {@code /wallet/createtransaction},
 * {@code /wallet/gettransactionbyid} and {@code /wallet/broadcasttransaction} use it.
 *
 * <p>Reading never trusts the parts of the JSON that a signer cannot see: when {@code
 * raw_data_hex} and {@code txID} are present they must agree with {@code raw_data}, so a node or a
 * file that lies about what a transaction does is caught before it is signed.
 */
public final class TransactionJson {
  private TransactionJson() {}

  /**
   * Node JSON: {@code {"visible":false,"txID","raw_data":{...},"raw_data_hex","signature":[...]}}
   * (signature omitted when unsigned). Addresses are 41-prefixed hex, bytes are lowercase hex and
   * fields at their protocol default are omitted, as the node omits them.
   *
   * @param tx the transaction
   * @return compact JSON text
   */
  public static String toJson(Transaction tx) {
    return TransactionJsonCodec.toJson(tx);
  }

  /**
   * Reads node JSON. {@code raw_data} is required; {@code raw_data_hex}, {@code txID} and {@code
   * signature} are optional, but when present they must agree: {@code raw_data} must decode to the
   * same raw data as {@code raw_data_hex}, and {@code txID} must equal the SHA-256 of the raw
   * bytes. Unknown fields inside {@code raw_data} are errors; node extras at the top level (such
   * as {@code ret}) are ignored. {@code visible:true} JSON (Base58 addresses) is accepted too.
   *
   * @param json the JSON text
   * @return the transaction, whose raw bytes are those of {@code raw_data_hex} when present
   * @throws TransactionFormatException for malformed input or any disagreement, naming the JSON
   *     path (such as {@code raw_data.contract[0].parameter.value.amount})
   */
  public static Transaction fromJson(String json) {
    JsonNode root;
    try {
      root = JsonNode.parse(json, "");
    } catch (JsonShapeException e) {
      throw new TransactionFormatException(e.getMessage());
    }
    return TransactionJsonCodec.read(root);
  }
}
