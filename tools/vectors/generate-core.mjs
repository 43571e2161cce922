// Generates the tron-core reference vectors (transactions, addresses, TIP-191
// messages, TRC20 ABI data) using tronweb's and ethers' own code, offline.
//
//   cd tools/vectors && npm ci && node generate-core.mjs
//
// All randomness comes from the seeded PRNG in lib.mjs, so reruns are identical.
import {
    Prng,
    randomPrivateKey,
    writeJson,
    sourceString,
    sha256Hex,
    assert,
    pbRead,
    pbFields,
    pbOne,
    bigToNumberDeep,
    exactNumber,
    assertNoNetwork,
    SECP256K1_N,
    TRONWEB_VERSION,
    ETHERS_VERSION,
} from './lib.mjs';
import { TronWeb, Trx, utils } from 'tronweb';
import { SigningKey, Interface, keccak256, toUtf8Bytes, concat, recoverAddress, computeAddress, id, getBytes } from 'ethers';

const SCRIPT = 'generate-core.mjs';
const OUT_DIR = 'tron-core/src/test/resources/vectors/tronweb';
const HALF_N = SECP256K1_N / 2n;

// A TronWeb instance is only needed for trx.sign / trx.signMessageV2. The host is a
// dead local port and every socket connect is refused by lib.mjs; signing is offline.
const tronWeb = new TronWeb({ fullHost: 'http://127.0.0.1:1' });

const lower = (s) => s.replace(/^0x/, '').toLowerCase();
const base58FromHex = (hex41) => TronWeb.address.fromHex(hex41);
const hexFromBase58 = (b58) => TronWeb.address.toHex(b58);

function addressOfKey(pk) {
    return TronWeb.address.fromPrivateKey(pk);
}

/** random TRON address: half from a random private key, half from 20 random bytes */
function randomAddress(prng) {
    if (prng.bool()) return addressOfKey(randomPrivateKey(prng));
    return base58FromHex('41' + prng.hex(20));
}

function checkSignature(sigHex, what) {
    const s = lower(sigHex);
    assert(s.length === 130, `${what}: signature length`);
    const sVal = BigInt('0x' + s.slice(64, 128));
    const v = s.slice(128);
    assert(sVal <= HALF_N, `${what}: signature is not low-S`);
    assert(v === '1b' || v === '1c', `${what}: unexpected v byte ${v}`);
    return v;
}

const vBytesSeen = new Set();

// ===========================================================================
// 1. transactions.json
// ===========================================================================
const TWO32 = 1n << 32n;
const TWO53 = 1n << 53n;
const TWO62 = 1n << 62n;

/**
 * int64 amount generator. tronweb (google-protobuf's jspb) takes int64 fields as JS
 * numbers, so every value above 2^53 is chosen to be exactly representable as a double
 * (53-bit mantissa times a power of two); exactNumber() asserts this.
 */
function amountOf(prng, kind) {
    switch (kind) {
        case 'one':
            return 1n;
        case 'small':
            return prng.bigBetween(2n, TWO32 - 1n);
        case 'u32edge':
            return prng.pick([TWO32 - 1n, TWO32, TWO32 + 1n]);
        case 'mid':
            return prng.bigBetween(TWO32 + 2n, TWO53 - 1n);
        case 'big': {
            const m = prng.bigBetween(1n << 52n, (1n << 53n) - 1n);
            const k = BigInt(prng.int(1, 9));
            return m << k; // in (2^53, 2^62)
        }
        case 'max':
            return TWO62;
        case 'trx':
            return prng.bigBetween(1n, 100000000n) * 1000000n;
        default:
            throw new Error(kind);
    }
}
const AMOUNT_KINDS = ['one', 'small', 'u32edge', 'mid', 'big', 'max', 'trx', 'small', 'mid', 'big', 'trx', 'small', 'mid', 'trx', 'big', 'small'];

const TS_MIN = 1672531200000n; // 2023-01-01T00:00:00Z
const TS_MAX = 1798761599999n; // 2026-12-31T23:59:59.999Z

const ASCII_MEMOS = ['hello', 'invoice #1042', 'Order: 7f3a-22; ref=TRONPAY', 'x', 'payment for services rendered, March 2025'];
const UTF8_MEMOS = ['你好，波场', 'Zahlung für Bestellung Nr. 42 — danke', '🚀 to the moon 🌕', 'こんにちは TRON', 'café ☕ x2 — €4,50'];

function commonOptions(prng, i) {
    const timestamp = prng.bigBetween(TS_MIN, TS_MAX);
    const expiration = timestamp + prng.pick([60000n, 60000n, 60000n, 3600000n, prng.bigBetween(1000n, 86400000n)]);
    const o = {
        refBlockBytes: prng.hex(2),
        refBlockHash: prng.hex(8),
        timestamp,
        expiration,
    };
    if (i % 4 === 1) o.memo = prng.pick(ASCII_MEMOS);
    if (i % 4 === 2) o.memo = prng.pick(UTF8_MEMOS);
    if (i % 5 === 3) o.permissionId = prng.pick([2, 2, 3, 4]);
    return o;
}

// ABI fragments (tronweb FunctionFragment JSON form)
const FN = {
    transfer: {
        type: 'function',
        name: 'transfer',
        inputs: [
            { name: 'to', type: 'address' },
            { name: 'value', type: 'uint256' },
        ],
        outputs: [{ name: '', type: 'bool' }],
        stateMutability: 'nonpayable',
    },
    transferFrom: {
        type: 'function',
        name: 'transferFrom',
        inputs: [
            { name: 'from', type: 'address' },
            { name: 'to', type: 'address' },
            { name: 'value', type: 'uint256' },
        ],
        outputs: [{ name: '', type: 'bool' }],
        stateMutability: 'nonpayable',
    },
    approve: {
        type: 'function',
        name: 'approve',
        inputs: [
            { name: 'spender', type: 'address' },
            { name: 'value', type: 'uint256' },
        ],
        outputs: [{ name: '', type: 'bool' }],
        stateMutability: 'nonpayable',
    },
    balanceOf: {
        type: 'function',
        name: 'balanceOf',
        inputs: [{ name: 'owner', type: 'address' }],
        outputs: [{ name: '', type: 'uint256' }],
        stateMutability: 'view',
    },
    allowance: {
        type: 'function',
        name: 'allowance',
        inputs: [
            { name: 'owner', type: 'address' },
            { name: 'spender', type: 'address' },
        ],
        outputs: [{ name: '', type: 'uint256' }],
        stateMutability: 'view',
    },
    decimals: { type: 'function', name: 'decimals', inputs: [], outputs: [{ name: '', type: 'uint8' }], stateMutability: 'view' },
    name: { type: 'function', name: 'name', inputs: [], outputs: [{ name: '', type: 'string' }], stateMutability: 'view' },
    symbol: { type: 'function', name: 'symbol', inputs: [], outputs: [{ name: '', type: 'string' }], stateMutability: 'view' },
    totalSupply: { type: 'function', name: 'totalSupply', inputs: [], outputs: [{ name: '', type: 'uint256' }], stateMutability: 'view' },
};

/** tronweb's ABI encoder (utils.abi.encodeFunctionData); args are copied because tronweb mutates them */
function tronwebCallData(fragment, args) {
    return lower(utils.abi.encodeFunctionData(JSON.parse(JSON.stringify(fragment)), [...args]));
}

const U256_MAX = (1n << 256n) - 1n;
function uint256Of(prng, i) {
    const edges = [0n, 1n, U256_MAX, 1n << 64n, (1n << 64n) - 1n, 1n << 255n, 10n ** 18n, 1000000n, (1n << 63n) - 1n, 1n << 128n];
    if (i < edges.length) return edges[i];
    const bits = prng.int(1, 256);
    return prng.bigBelow(1n << BigInt(bits));
}

const USDT = 'TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t';

// For each contract type: build the node-form parameter.value (hex addresses, BigInt
// int64s, default values omitted like the node's JSON) and the friendly params.
const TX_TYPES = {
    TransferContract(prng, i, owner) {
        const to = randomAddress(prng);
        const amount = amountOf(prng, AMOUNT_KINDS[i % AMOUNT_KINDS.length]);
        return {
            params: { to, amount: amount.toString() },
            value: { amount, owner_address: hexFromBase58(owner), to_address: hexFromBase58(to) },
        };
    },
    TriggerSmartContract(prng, i, owner) {
        const contract = i % 3 === 0 ? USDT : randomAddress(prng);
        const params = { contractAddress: contract };
        let data;
        const mode = i % 8;
        if (mode === 6) {
            const spender = randomAddress(prng);
            const value = uint256Of(prng, prng.int(0, 20));
            data = tronwebCallData(FN.approve, [spender, value.toString()]);
            params.call = { function: 'approve(address,uint256)', spender, value: value.toString() };
        } else if (mode === 7) {
            data = prng.hex(4 + 32 * prng.int(0, 3));
            params.call = { function: null, rawDataHex: data };
        } else {
            const to = randomAddress(prng);
            const value = uint256Of(prng, i < 3 ? [1, 0, 2][i] : prng.int(0, 30));
            data = tronwebCallData(FN.transfer, [to, value.toString()]);
            params.call = { function: 'transfer(address,uint256)', to, value: value.toString() };
        }
        params.data = data;
        const value = { data, owner_address: hexFromBase58(owner), contract_address: hexFromBase58(contract) };
        if (i % 4 === 2) {
            const cv = amountOf(prng, prng.pick(['one', 'small', 'trx', 'mid']));
            value.call_value = cv;
            params.callValue = cv.toString();
        }
        let feeLimit;
        if (i % 4 !== 0) feeLimit = prng.pick([100000000n, 15000000000n, 1000000000n, prng.bigBetween(1n, 15000000000n)]);
        return { params, value, feeLimit };
    },
    FreezeBalanceV2Contract(prng, i, owner) {
        const resource = i % 2 === 0 ? 'BANDWIDTH' : 'ENERGY';
        const amount = amountOf(prng, AMOUNT_KINDS[i % AMOUNT_KINDS.length]);
        const value = { owner_address: hexFromBase58(owner), frozen_balance: amount };
        if (resource !== 'BANDWIDTH') value.resource = resource;
        return { params: { frozenBalance: amount.toString(), resource }, value, explicitDefaults: { resource: 'BANDWIDTH' } };
    },
    UnfreezeBalanceV2Contract(prng, i, owner) {
        const resource = i % 2 === 1 ? 'BANDWIDTH' : 'ENERGY';
        const amount = amountOf(prng, AMOUNT_KINDS[(i + 3) % AMOUNT_KINDS.length]);
        const value = { owner_address: hexFromBase58(owner), unfreeze_balance: amount };
        if (resource !== 'BANDWIDTH') value.resource = resource;
        return { params: { unfreezeBalance: amount.toString(), resource }, value, explicitDefaults: { resource: 'BANDWIDTH' } };
    },
    DelegateResourceContract(prng, i, owner) {
        const resource = i % 2 === 0 ? 'ENERGY' : 'BANDWIDTH';
        const receiver = randomAddress(prng);
        const amount = amountOf(prng, AMOUNT_KINDS[(i + 5) % AMOUNT_KINDS.length]);
        const lock = i % 3 !== 0;
        const lockPeriod = lock && i % 3 === 2 ? prng.pick([1n, 28800n, 864000n, prng.bigBetween(2n, 864000n)]) : null;
        const value = { owner_address: hexFromBase58(owner) };
        if (resource !== 'BANDWIDTH') value.resource = resource;
        value.balance = amount;
        value.receiver_address = hexFromBase58(receiver);
        if (lock) value.lock = true;
        if (lockPeriod !== null) value.lock_period = lockPeriod;
        const params = { receiver, balance: amount.toString(), resource, lock };
        if (lockPeriod !== null) params.lockPeriod = lockPeriod.toString();
        return { params, value, explicitDefaults: { resource: 'BANDWIDTH', lock: false } };
    },
    UnDelegateResourceContract(prng, i, owner) {
        const resource = i % 2 === 1 ? 'ENERGY' : 'BANDWIDTH';
        const receiver = randomAddress(prng);
        const amount = amountOf(prng, AMOUNT_KINDS[(i + 7) % AMOUNT_KINDS.length]);
        const value = { owner_address: hexFromBase58(owner) };
        if (resource !== 'BANDWIDTH') value.resource = resource;
        value.balance = amount;
        value.receiver_address = hexFromBase58(receiver);
        return { params: { receiver, balance: amount.toString(), resource }, value, explicitDefaults: { resource: 'BANDWIDTH' } };
    },
    WithdrawExpireUnfreezeContract(prng, i, owner) {
        return { params: {}, value: { owner_address: hexFromBase58(owner) } };
    },
    CancelAllUnfreezeV2Contract(prng, i, owner) {
        return { params: {}, value: { owner_address: hexFromBase58(owner) } };
    },
    WithdrawBalanceContract(prng, i, owner) {
        return { params: {}, value: { owner_address: hexFromBase58(owner) } };
    },
    VoteWitnessContract(prng, i, owner) {
        const n = (i % 5) + 1;
        const votes = [];
        const friendly = [];
        for (let k = 0; k < n; k++) {
            const witness = randomAddress(prng);
            const count = prng.pick([1n, prng.bigBetween(1n, 1000n), prng.bigBetween(1000n, TWO32 + 5n), prng.bigBetween(TWO32, 1n << 45n)]);
            votes.push({ vote_address: hexFromBase58(witness), vote_count: count });
            friendly.push({ witness, count: count.toString() });
        }
        return { params: { votes: friendly }, value: { owner_address: hexFromBase58(owner), votes } };
    },
};

// protobuf field numbers (java-tron protocol), used only to cross-check tronweb's bytes
const CONTRACT_TYPE_IDS = {
    TransferContract: 1,
    VoteWitnessContract: 4,
    WithdrawBalanceContract: 13,
    TriggerSmartContract: 31,
    FreezeBalanceV2Contract: 54,
    UnfreezeBalanceV2Contract: 55,
    WithdrawExpireUnfreezeContract: 56,
    DelegateResourceContract: 57,
    UnDelegateResourceContract: 58,
    CancelAllUnfreezeV2Contract: 59,
};
const FIELD_SPECS = {
    TransferContract: { owner_address: [1, 'bytes'], to_address: [2, 'bytes'], amount: [3, 'int'] },
    TriggerSmartContract: { owner_address: [1, 'bytes'], contract_address: [2, 'bytes'], call_value: [3, 'int'], data: [4, 'bytes'] },
    FreezeBalanceV2Contract: { owner_address: [1, 'bytes'], frozen_balance: [2, 'int'], resource: [3, 'enum'] },
    UnfreezeBalanceV2Contract: { owner_address: [1, 'bytes'], unfreeze_balance: [2, 'int'], resource: [3, 'enum'] },
    DelegateResourceContract: {
        owner_address: [1, 'bytes'],
        resource: [2, 'enum'],
        balance: [3, 'int'],
        receiver_address: [4, 'bytes'],
        lock: [5, 'bool'],
        lock_period: [6, 'int'],
    },
    UnDelegateResourceContract: { owner_address: [1, 'bytes'], resource: [2, 'enum'], balance: [3, 'int'], receiver_address: [4, 'bytes'] },
    WithdrawExpireUnfreezeContract: { owner_address: [1, 'bytes'] },
    CancelAllUnfreezeV2Contract: { owner_address: [1, 'bytes'] },
    WithdrawBalanceContract: { owner_address: [1, 'bytes'] },
    VoteWitnessContract: { owner_address: [1, 'bytes'] },
};
const RESOURCE_CODES = { BANDWIDTH: 0n, ENERGY: 1n, TRON_POWER: 2n };

/** Independent decode of raw_data_hex, compared field by field with the node JSON. */
function crossCheckRawData(tx, what) {
    const raw = Buffer.from(tx.raw_data_hex, 'hex');
    const rd = tx.raw_data;
    assert(Buffer.from(pbOne(raw, 1)).toString('hex') === rd.ref_block_bytes, `${what} ref_block_bytes`);
    assert(Buffer.from(pbOne(raw, 4)).toString('hex') === rd.ref_block_hash, `${what} ref_block_hash`);
    assert(pbOne(raw, 8) === rd.expiration, `${what} expiration`);
    assert(pbOne(raw, 14) === rd.timestamp, `${what} timestamp`);
    assert(pbOne(raw, 18) === rd.fee_limit, `${what} fee_limit`);
    const data = pbOne(raw, 10);
    assert((data ? Buffer.from(data).toString('hex') : undefined) === rd.data, `${what} data`);
    const contracts = pbFields(raw, 11);
    assert(contracts.length === 1, `${what} one contract`);
    const c = contracts[0].value;
    const cj = rd.contract[0];
    assert(pbOne(c, 1) === BigInt(CONTRACT_TYPE_IDS[cj.type]), `${what} contract type id`);
    assert(pbOne(c, 5) === (cj.Permission_id === undefined ? undefined : BigInt(cj.Permission_id)), `${what} Permission_id`);
    const any = pbOne(c, 2);
    assert(Buffer.from(pbOne(any, 1)).toString() === cj.parameter.type_url, `${what} type_url`);
    const msg = pbOne(any, 2);
    const v = cj.parameter.value;
    const spec = FIELD_SPECS[cj.type];
    const seen = new Set();
    for (const [key, [num, kind]] of Object.entries(spec)) {
        seen.add(num);
        const got = pbOne(msg, num);
        const want = v[key];
        if (want === undefined) {
            assert(got === undefined, `${what} ${key} should be absent`);
            continue;
        }
        if (kind === 'bytes') assert(Buffer.from(got).toString('hex') === want, `${what} ${key}`);
        else if (kind === 'int') assert(got === want, `${what} ${key}: ${got} != ${want}`);
        else if (kind === 'enum') assert(got === RESOURCE_CODES[want], `${what} ${key}`);
        else if (kind === 'bool') assert(got === (want ? 1n : 0n), `${what} ${key}`);
    }
    if (cj.type === 'VoteWitnessContract') {
        seen.add(2);
        const votes = pbFields(msg, 2);
        assert(votes.length === v.votes.length, `${what} vote count`);
        votes.forEach((vf, k) => {
            assert(Buffer.from(pbOne(vf.value, 1)).toString('hex') === v.votes[k].vote_address, `${what} vote_address`);
            assert(pbOne(vf.value, 2) === v.votes[k].vote_count, `${what} vote_count`);
        });
    }
    for (const f of pbRead(msg)) assert(seen.has(f.field), `${what} unexpected field ${f.field}`);
}

/** tronweb: node-form JSON -> protobuf -> raw_data_hex / txID */
function tronwebEncode(nodeTx) {
    const pb = utils.transaction.txJsonToPb(bigToNumberDeep(nodeTx));
    return {
        rawDataHex: lower(utils.transaction.txPbToRawDataHex(pb)),
        txID: lower(utils.transaction.txPbToTxID(pb)),
    };
}

async function buildTransactionCase(prng, type, i) {
    const privateKey = randomPrivateKey(prng);
    const owner = addressOfKey(privateKey);
    const spec = TX_TYPES[type](prng, i, owner);
    const opt = commonOptions(prng, i);

    const contract = {
        parameter: { value: spec.value, type_url: `type.googleapis.com/protocol.${type}` },
        type,
    };
    if (opt.permissionId) contract.Permission_id = opt.permissionId;
    const raw_data = {
        contract: [contract],
        ref_block_bytes: opt.refBlockBytes,
        ref_block_hash: opt.refBlockHash,
        expiration: opt.expiration,
    };
    if (spec.feeLimit !== undefined) raw_data.fee_limit = spec.feeLimit;
    let memoHex;
    if (opt.memo !== undefined) {
        memoHex = Buffer.from(opt.memo, 'utf8').toString('hex');
        raw_data.data = memoHex;
    }
    raw_data.timestamp = opt.timestamp;

    const unsigned = { visible: false, txID: '', raw_data, raw_data_hex: '' };
    const enc = tronwebEncode(unsigned);
    unsigned.txID = enc.txID;
    unsigned.raw_data_hex = enc.rawDataHex;
    const what = `${type}#${i}`;

    // checks: sha256(raw_data_hex) == txID (node crypto), independent field decode
    assert(sha256Hex(enc.rawDataHex) === enc.txID, `${what} sha256(raw_data_hex) == txID`);
    crossCheckRawData(unsigned, what);
    assert(utils.transaction.txCheck(bigToNumberDeep(unsigned)), `${what} tronweb txCheck`);

    // default values given explicitly (BANDWIDTH, lock:false) must encode identically
    if (spec.explicitDefaults) {
        const explicit = JSON.parse(JSON.stringify(bigToNumberDeep(unsigned)));
        const val = explicit.raw_data.contract[0].parameter.value;
        for (const [k, dv] of Object.entries(spec.explicitDefaults)) if (val[k] === undefined) val[k] = dv;
        const enc2 = tronwebEncode(explicit);
        assert(enc2.rawDataHex === enc.rawDataHex, `${what}: explicit default values changed the encoding`);
    }

    // tronweb offline signing
    const signed = await tronWeb.trx.sign(bigToNumberDeep(unsigned), privateKey);
    assert(signed.signature.length === 1, `${what} one signature`);
    const signature = lower(signed.signature[0]);
    vBytesSeen.add(signed.signature[0].slice(128));
    checkSignature(signature, what);
    assert(Trx.ecRecover(signed) === owner, `${what} tronweb ecRecover`);
    const recovered = recoverAddress('0x' + enc.txID, '0x' + signature);
    assert(base58FromHex('41' + recovered.slice(2)) === owner, `${what} ethers recoverAddress`);

    const params = { ...spec.params };
    if (spec.feeLimit !== undefined) params.feeLimit = spec.feeLimit.toString();
    if (opt.memo !== undefined) {
        params.memo = opt.memo;
        params.memoHex = memoHex;
    }
    if (opt.permissionId) params.permissionId = opt.permissionId;
    params.refBlockBytes = opt.refBlockBytes;
    params.refBlockHash = opt.refBlockHash;
    params.expiration = opt.expiration.toString();
    params.timestamp = opt.timestamp.toString();

    return {
        type,
        privateKey,
        ownerAddress: owner,
        params,
        transaction: { ...unsigned, signature: [signature] },
    };
}

async function generateTransactions() {
    const prng = new Prng('tronpay-vectors/transactions/v1');
    const cases = [];
    const PER_TYPE = 16;
    for (const type of Object.keys(TX_TYPES)) {
        for (let i = 0; i < PER_TYPE; i++) cases.push(await buildTransactionCase(prng, type, i));
    }
    writeJson(`${OUT_DIR}/transactions.json`, {
        _source: sourceString(SCRIPT),
        _notes: [
            'transaction is the node JSON form (visible:false, 41-prefixed hex addresses). raw_data_hex and txID are the output of tronweb utils.transaction.txJsonToPb + txPbToRawDataHex + txPbToTxID on that JSON; signature[0] is from tronWeb.trx.sign(tx, privateKey) (offline, no node contacted).',
            'Hex is lowercase without 0x. tronweb itself returns raw_data_hex in uppercase and the signature recovery byte in uppercase (1B/1C); both are lowercased here, as a node returns them.',
            'Signature = r(32) || s(32) || v(1) with v = 0x1b/0x1c (recovery id + 27); all signatures are RFC6979-deterministic and low-S (s <= n/2).',
            'int64 fields (amount, balances, fee_limit, call_value, lock_period, vote_count, expiration, timestamp) are exact JSON integers; in params they are decimal strings. tronweb passes int64 values to google-protobuf as JS numbers, so values above 2^53 were chosen exactly representable as doubles (checked); up to 2^62 appears.',
            'Default values are omitted from parameter.value exactly as the node JSON does: resource BANDWIDTH (enum 0), lock false, call_value 0. tronweb encodes resource BANDWIDTH / lock false as absent fields (proto3 defaults are not serialized), so the bytes are identical whether or not the JSON carries them; this is checked for every such case.',
            'memo: raw_data.data is the hex of the UTF-8 memo bytes (params.memo / params.memoHex).',
            'The tronweb protobuf schema has every field used here, including DelegateResourceContract.lock_period and CancelAllUnfreezeV2Contract; nothing was encoded outside tronweb.',
            'TriggerSmartContract call data was encoded with tronweb utils.abi.encodeFunctionData.',
        ],
        cases,
    });
    return cases.length;
}

// ===========================================================================
// 2. addresses.json
// ===========================================================================
function generateAddresses() {
    const prng = new Prng('tronpay-vectors/addresses/v1');
    const keys = [
        '0000000000000000000000000000000000000000000000000000000000000001',
        (SECP256K1_N - 1n).toString(16).padStart(64, '0'),
        '00000000000000000000000000000000000000000000000000000000000000ff',
        '0000000000000000' + prng.hex(24),
    ];
    while (keys.length < 50) keys.push(randomPrivateKey(prng));
    const cases = keys.map((privateKey, i) => {
        const base58 = TronWeb.address.fromPrivateKey(privateKey);
        const hex = TronWeb.address.toHex(base58);
        const publicKey = lower(utils.bytes.byteArray2hexStr(utils.crypto.getPubKeyFromPriKey(utils.code.hexStr2byteArray(privateKey))));
        const sk = new SigningKey('0x' + privateKey);
        const compressed = lower(sk.compressedPublicKey);
        assert(lower(sk.publicKey) === publicKey, `address#${i} ethers vs tronweb public key`);
        assert(lower(SigningKey.computePublicKey('0x' + compressed, false)) === publicKey, `address#${i} decompress`);
        assert(TronWeb.address.fromHex(hex) === base58, `address#${i} fromHex roundtrip`);
        assert(TronWeb.isAddress(base58) && TronWeb.isAddress(hex), `address#${i} isAddress`);
        const ethAddress = computeAddress('0x' + publicKey);
        assert('41' + lower(ethAddress) === hex, `address#${i} keccak address`);
        return { privateKey, publicKey, publicKeyCompressed: compressed, address: { base58, hex }, ethAddress };
    });
    writeJson(`${OUT_DIR}/addresses.json`, {
        _source: sourceString(SCRIPT),
        _notes: [
            'base58 = TronWeb.address.fromPrivateKey(privateKey); hex = TronWeb.address.toHex(base58); publicKey = tronweb utils.crypto.getPubKeyFromPriKey (uncompressed 04||X||Y, equal to ethers SigningKey.publicKey); publicKeyCompressed = ethers SigningKey.compressedPublicKey; ethAddress = ethers computeAddress (EIP-55) of the same key.',
            'Cases 0-3 are edge keys: 1, n-1, 0xff, and a key with 8 leading zero bytes.',
        ],
        cases,
    });
    return cases.length;
}

// ===========================================================================
// 3. tip191.json
// ===========================================================================
function loremText(prng, minChars, alphabet) {
    const words = alphabet ?? ['tron', 'pay', 'signed', 'message', 'lorem', 'ipsum', 'dolor', 'sit', 'amet', 'wallet', 'nonce', 'TRX', 'USDT', 'energy', '42', 'bandwidth'];
    const parts = [];
    let len = 0;
    while (len < minChars) {
        const w = prng.pick(words);
        parts.push(w);
        len += w.length + 1;
    }
    return parts.join(' ');
}

async function generateTip191() {
    const prng = new Prng('tronpay-vectors/tip191/v1');
    const msgs = [
        { s: '' },
        { s: 'hello' },
        { s: 'Hello, TRON!' },
        { s: '0xdeadbeef' },
        { s: 'line one\nline two\nline three' },
        { s: 'windows\r\nline endings\r\n' },
        { s: 'tab\tseparated\tvalues\u0000with NUL' },
        { s: '你好，波场' },
        { s: 'こんにちは世界' },
        { s: '안녕하세요' },
        { s: '🚀💎🙌' },
        { s: '👩‍👩‍👧‍👦 family ZWJ' },
        { s: 'e\u0301 (combining acute, not NFC)' },
        { s: '\u00e9 (precomposed)' },
        { s: 'Ünïcödé Ελληνικά Русский العربية עברית हिन्दी' },
        { s: '{"action":"login","address":"TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t","nonce":123456}' },
        { s: '123456789' }, // 9 bytes
        { s: '1234567890' }, // 10 bytes: length prefix gets two digits
        { s: 'x'.repeat(99) },
        { s: 'y'.repeat(100) },
        { s: loremText(prng, 1000) },
        { s: loremText(prng, 1500, ['波场', '钱包', '签名', '消息', '🚀', 'TRON', 'émoji', '—']) },
        { b: Buffer.alloc(0) },
        { b: Buffer.from([0]) },
        { b: prng.bytes(32) },
        { b: prng.bytes(20) },
        { b: Buffer.from('fffe80c0', 'hex') }, // not valid UTF-8
        { b: prng.bytes(65) },
        { b: prng.bytes(1024) },
        { b: Buffer.from('hello', 'utf8') },
    ];
    while (msgs.length < 40) {
        if (prng.bool(0.7)) msgs.push({ s: loremText(prng, prng.int(1, 120)) });
        else msgs.push({ b: prng.bytes(prng.int(1, 200)) });
    }
    const cases = [];
    for (const [i, m] of msgs.entries()) {
        const privateKey = randomPrivateKey(prng);
        const address = addressOfKey(privateKey);
        const input = m.b !== undefined ? new Uint8Array(m.b) : m.s;
        const bytes = m.b !== undefined ? Buffer.from(m.b) : Buffer.from(m.s, 'utf8');
        const signature = tronWeb.trx.signMessageV2(input, privateKey);
        const signatureStatic = Trx.signMessageV2(input, privateKey);
        assert(signature === signatureStatic, `tip191#${i} static == instance`);
        const v = checkSignature(signature, `tip191#${i}`);
        vBytesSeen.add(v);
        const recovered = Trx.verifyMessageV2(input, signature);
        assert(recovered === address, `tip191#${i} verifyMessageV2 recovers signer`);
        const hash = lower(utils.message.hashMessage(input));
        const ethersHash = lower(
            keccak256(concat([toUtf8Bytes('\x19TRON Signed Message:\n'), toUtf8Bytes(String(bytes.length)), bytes]))
        );
        assert(hash === ethersHash, `tip191#${i} hash cross-check`);
        cases.push({
            privateKey,
            address,
            messageType: m.b !== undefined ? 'bytes' : 'string',
            message: m.b !== undefined ? null : m.s,
            messageHex: bytes.toString('hex'),
            messageByteLength: bytes.length,
            hash,
            signature: lower(signature),
            recoveredAddress: recovered,
        });
    }
    writeJson(`${OUT_DIR}/tip191.json`, {
        _source: sourceString(SCRIPT),
        _notes: [
            'signature = tronWeb.trx.signMessageV2(message, privateKey) (== static Trx.signMessageV2); recoveredAddress = Trx.verifyMessageV2(message, signature); hash = tronweb utils.message.hashMessage(message) = keccak256("\\x19TRON Signed Message:\\n" + decimal byte length + message bytes).',
            'messageType "string": tronweb hashes the UTF-8 bytes of message as-is (no Unicode normalization; "0xdeadbeef" as a string is 10 ASCII bytes, not 4 bytes). messageType "bytes": message is null and the Uint8Array of messageHex was signed.',
            'signature is r||s||v, v = 1b/1c, low-S; tronweb returns it with a 0x prefix, stored here lowercase without 0x.',
        ],
        cases,
    });
    return cases.length;
}

// ===========================================================================
// 4. trc20.json
// ===========================================================================
function generateTrc20() {
    const prng = new Prng('tronpay-vectors/trc20/v1');
    const ethersIface = new Interface([
        'function transfer(address to, uint256 value) returns (bool)',
        'function transferFrom(address from, address to, uint256 value) returns (bool)',
        'function approve(address spender, uint256 value) returns (bool)',
        'function balanceOf(address owner) view returns (uint256)',
        'function allowance(address owner, address spender) view returns (uint256)',
        'function decimals() view returns (uint8)',
        'function name() view returns (string)',
        'function symbol() view returns (string)',
        'function totalSupply() view returns (uint256)',
        'event Transfer(address indexed from, address indexed to, uint256 value)',
    ]);
    const ZERO = base58FromHex('41' + '00'.repeat(20));
    const FFFF = base58FromHex('41' + 'ff'.repeat(20));
    const addrFor = (i, k) => {
        if (i === 0 && k === 0) return ZERO;
        if (i === 1 && k === 0) return FFFF;
        if (i === 2) return USDT;
        return randomAddress(prng);
    };
    const to0x = (b58) => '0x' + hexFromBase58(b58).slice(2);

    const calls = [];
    const PER_FN = 16;
    for (const name of ['transfer', 'transferFrom', 'approve', 'balanceOf', 'allowance', 'decimals', 'name', 'symbol', 'totalSupply']) {
        const frag = FN[name];
        const signature = `${name}(${frag.inputs.map((x) => x.type).join(',')})`;
        const selector = lower(id(signature)).slice(0, 8);
        const count = frag.inputs.length ? PER_FN : 1;
        for (let i = 0; i < count; i++) {
            const args = [];
            const tronArgs = [];
            const hexArgs = [];
            const ethArgs = [];
            frag.inputs.forEach((inp, k) => {
                if (inp.type === 'address') {
                    const b58 = addrFor(i, k);
                    args.push({ name: inp.name, type: 'address', base58: b58, hex: hexFromBase58(b58) });
                    tronArgs.push(b58);
                    hexArgs.push(hexFromBase58(b58));
                    ethArgs.push(to0x(b58));
                } else {
                    const v = uint256Of(prng, i);
                    args.push({ name: inp.name, type: 'uint256', value: v.toString() });
                    tronArgs.push(v.toString());
                    hexArgs.push(v.toString());
                    ethArgs.push(v);
                }
            });
            const callData = tronwebCallData(frag, tronArgs);
            assert(tronwebCallData(frag, hexArgs) === callData, `trc20 ${signature}#${i} base58 vs hex args`);
            assert(lower(ethersIface.encodeFunctionData(name, ethArgs)) === callData, `trc20 ${signature}#${i} ethers cross-check`);
            assert(callData.startsWith(selector), `trc20 ${signature}#${i} selector`);
            assert(callData.length === 8 + 64 * frag.inputs.length, `trc20 ${signature}#${i} length`);
            calls.push({ function: signature, selector, args, callData });
        }
    }

    const events = [];
    const topic0 = lower(ethersIface.getEvent('Transfer').topicHash);
    for (let i = 0; i < 24; i++) {
        const from = i === 0 ? ZERO : randomAddress(prng); // i=0: mint-style event from the zero address
        const to = i === 1 ? ZERO : randomAddress(prng);
        const contract = i % 4 === 0 ? USDT : randomAddress(prng);
        const value = uint256Of(prng, i);
        const log = ethersIface.encodeEventLog('Transfer', [to0x(from), to0x(to), value]);
        const topics = log.topics.map(lower);
        const data = lower(log.data);
        assert(topics.length === 3 && topics[0] === topic0, `event#${i} topics`);
        const parsed = ethersIface.decodeEventLog('Transfer', '0x' + data, topics.map((t) => '0x' + t));
        const decFrom = base58FromHex('41' + lower(parsed.from));
        const decTo = base58FromHex('41' + lower(parsed.to));
        assert(decFrom === from && decTo === to && parsed.value === value, `event#${i} decode roundtrip`);
        const twValue = utils.abi.decodeParams(['value'], ['uint256'], '0x' + data).value;
        assert(BigInt(twValue.toString()) === value, `event#${i} tronweb decodeParams`);
        events.push({
            contractAddress: contract,
            contractAddressHex: hexFromBase58(contract),
            topics,
            data,
            decoded: { from: decFrom, fromHex: hexFromBase58(decFrom), to: decTo, toHex: hexFromBase58(decTo), value: value.toString() },
        });
    }

    writeJson(`${OUT_DIR}/trc20.json`, {
        _source: sourceString(SCRIPT),
        _notes: [
            'cases[].callData = tronweb utils.abi.encodeFunctionData(fragment, args) with base58 address args; the same bytes come from hex (41...) args and from ethers Interface.encodeFunctionData with 0x addresses (checked). Hex lowercase without 0x.',
            'Argument-free functions (decimals, name, symbol, totalSupply) have exactly one possible call data, so one case each.',
            'events[]: ethers Interface.encodeEventLog for "event Transfer(address indexed from, address indexed to, uint256 value)"; topics/data lowercase without 0x as a TRON node reports them; decoded by ethers decodeEventLog (value cross-checked with tronweb utils.abi.decodeParams). contractAddress is just context (the emitting contract).',
        ],
        cases: calls,
        events,
    });
    return { calls: calls.length, events: events.length };
}

// ===========================================================================
const counts = {};
counts.transactions = await generateTransactions();
counts.addresses = generateAddresses();
counts.tip191 = await generateTip191();
counts.trc20 = generateTrc20();
assert(vBytesSeen.size > 0 && [...vBytesSeen].every((v) => /^(1b|1c)$/i.test(v)), 'v bytes');
assertNoNetwork();
console.log(JSON.stringify({ tronweb: TRONWEB_VERSION, ethers: ETHERS_VERSION, counts, vBytesSeenRaw: [...vBytesSeen] }));
void exactNumber;
void getBytes;
