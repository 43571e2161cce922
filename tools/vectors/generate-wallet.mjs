// Generates the tron-wallet reference vectors (BIP39/BIP32/BIP44 HD derivation and
// Web3 Secret Storage v3 keystores) using tronweb's and ethers' own code, offline.
//
//   cd tools/vectors && npm ci && node generate-wallet.mjs
//
// All randomness (entropy, keys, salts, IVs, UUIDs) comes from the seeded PRNG in
// lib.mjs, so reruns are byte-identical.
import { createCipheriv } from 'node:crypto';
import { Prng, randomPrivateKey, writeJson, sourceString, assert, assertNoNetwork, TRONWEB_VERSION, ETHERS_VERSION } from './lib.mjs';
import { TronWeb } from 'tronweb';
import {
    Mnemonic,
    HDNodeWallet,
    HDNodeVoidWallet,
    Wallet,
    encryptKeystoreJson,
    decryptKeystoreJson,
    isKeystoreJson,
    pbkdf2,
    keccak256,
    concat,
    toUtf8Bytes,
    hexlify,
} from 'ethers';

const SCRIPT = 'generate-wallet.mjs';
const lower = (s) => s.replace(/^0x/, '').toLowerCase();

// ===========================================================================
// 5. hd.json
// ===========================================================================
const PATHS = ["m/44'/195'/0'/0/0", "m/44'/195'/0'/0/1", "m/44'/195'/1'/0/7", "m/44'/195'/0'/1/3", "m/44'/195'/0'/0/2147483647"];
const ACCOUNT_PATH = "m/44'/195'/0'";

const PASSPHRASES = [
    'TREZOR',
    'correct horse battery staple',
    'pässwörd', // precomposed umlauts: NFKD decomposes them before hashing
    '密码短语',
    '🔑🚀 emoji passphrase',
    'パスワード', // katakana with (han)dakuten: NFKD changes the bytes
    'ｆｕｌｌｗｉｄｔｈ', // fullwidth forms: NFKD maps them to ASCII
    '  leading and trailing spaces  ',
    'Ünïcödé Ελληνικά Русский',
    'a',
];

function hdCase(prng, wordCount, idx) {
    const entropyBytes = (wordCount / 3) * 4;
    const entropy = prng.hex(entropyBytes);
    const withPass = idx % 2 === 1;
    const passphrase = withPass ? PASSPHRASES[((idx - 1) / 2 + wordCount) % PASSPHRASES.length] : '';
    const m = Mnemonic.fromEntropy('0x' + entropy, passphrase);
    const mnemonic = m.phrase;
    assert(mnemonic.split(' ').length === wordCount, 'word count');
    assert(lower(m.entropy) === entropy, 'entropy roundtrip');
    assert(Mnemonic.isValidMnemonic(mnemonic), 'valid mnemonic');
    const seed = lower(m.computeSeed());

    const derived = PATHS.map((path) => {
        // tronweb: TronWeb.fromMnemonic(mnemonic, path, password)
        const acct = TronWeb.fromMnemonic(mnemonic, path, passphrase);
        const privateKey = lower(acct.privateKey);
        const publicKey = lower(acct.publicKey);
        const address = acct.address;
        // cross-checks with ethers directly
        const ew = HDNodeWallet.fromPhrase(mnemonic, passphrase, path);
        assert(lower(ew.privateKey) === privateKey, `hd ${path} ethers fromPhrase`);
        const fromSeed = HDNodeWallet.fromSeed('0x' + seed).derivePath(path);
        assert(lower(fromSeed.privateKey) === privateKey, `hd ${path} ethers fromSeed`);
        assert(TronWeb.address.fromPrivateKey(privateKey) === address, `hd ${path} address`);
        return {
            path,
            privateKey,
            publicKey,
            publicKeyCompressed: lower(ew.signingKey.compressedPublicKey),
            address,
            addressHex: TronWeb.address.toHex(address),
        };
    });

    const account = HDNodeWallet.fromSeed('0x' + seed).derivePath(ACCOUNT_PATH);
    const xprv = account.extendedKey;
    const xpub = account.neuter().extendedKey;
    assert(xprv.startsWith('xprv') && xpub.startsWith('xpub'), 'xprv/xpub prefixes');
    // the account-level keys reproduce the non-hardened children of the paths under m/44'/195'/0'
    for (const d of derived) {
        if (!d.path.startsWith(ACCOUNT_PATH + '/')) continue;
        const rel = d.path.slice(ACCOUNT_PATH.length + 1);
        const fromXprv = HDNodeWallet.fromExtendedKey(xprv).derivePath(rel);
        assert(lower(fromXprv.privateKey) === d.privateKey, `xprv child ${rel}`);
        const fromXpub = HDNodeWallet.fromExtendedKey(xpub);
        assert(fromXpub instanceof HDNodeVoidWallet, 'xpub is a void wallet');
        assert(lower(fromXpub.derivePath(rel).publicKey) === d.publicKeyCompressed, `xpub child ${rel}`);
    }

    return {
        wordCount,
        entropy,
        mnemonic,
        passphrase,
        passphraseNfkdHex: Buffer.from(passphrase.normalize('NFKD'), 'utf8').toString('hex'),
        seed,
        account: {
            path: ACCOUNT_PATH,
            xprv,
            xpub,
            depth: account.depth,
            index: account.index,
            parentFingerprint: lower(account.parentFingerprint),
            chainCode: lower(account.chainCode),
            privateKey: lower(account.privateKey),
            publicKeyCompressed: lower(account.publicKey),
        },
        derived,
    };
}

function generateHd() {
    const prng = new Prng('tronpay-vectors/hd/v1');
    const cases = [];
    for (const wc of [12, 15, 18, 21, 24]) for (let i = 0; i < 20; i++) cases.push(hdCase(prng, wc, i));
    writeJson('tron-wallet/src/test/resources/vectors/tronweb/hd.json', {
        _source: sourceString(SCRIPT),
        _notes: [
            'mnemonic = ethers Mnemonic.fromEntropy(entropy, passphrase) (English wordlist); seed = ethers Mnemonic.computeSeed() (BIP39 PBKDF2-HMAC-SHA512, 2048 rounds, salt "mnemonic"+NFKD(passphrase)).',
            "derived[] = TronWeb.fromMnemonic(mnemonic, path, passphrase) (tronweb 6 takes the passphrase as 3rd argument; it delegates to ethers HDNodeWallet); cross-checked with ethers HDNodeWallet.fromPhrase and HDNodeWallet.fromSeed(seed).derivePath.",
            "account = ethers HDNodeWallet.fromSeed(seed).derivePath(\"m/44'/195'/0'\"); xprv = .extendedKey, xpub = .neuter().extendedKey (mainnet BIP32 version bytes 0488ade4 / 0488b21e). Deriving the relative paths 0/0, 0/1, 1/3, 0/2147483647 from xprv (private) and xpub (public) reproduces derived[] (checked).",
            'passphrase is given exactly as typed; BIP39 hashes its NFKD form, passphraseNfkdHex is the UTF-8 hex of that NFKD form (several passphrases change under NFKD). Empty passphrase = no passphrase.',
            'Hex lowercase without 0x. publicKey is uncompressed (04||X||Y), publicKeyCompressed is 33 bytes.',
        ],
        paths: PATHS,
        cases,
    });
    return cases.length;
}

// ===========================================================================
// 6. keystores
// ===========================================================================
const KS_DIR = 'tron-wallet/src/test/resources/vectors/keystore';

function keystoreFile(name, { password, privateKey, keystore, notes }) {
    const address = TronWeb.address.fromPrivateKey(privateKey);
    writeJson(`${KS_DIR}/${name}`, {
        _source: sourceString(SCRIPT),
        _notes: notes,
        password,
        passwordUtf8Hex: Buffer.from(password, 'utf8').toString('hex'),
        privateKey,
        address,
        addressHex: TronWeb.address.toHex(address),
        keystore,
    });
}

async function checkKeystore(json, password, privateKey) {
    assert(isKeystoreJson(json), 'isKeystoreJson');
    const acct = await decryptKeystoreJson(json, password);
    assert(lower(acct.privateKey) === privateKey, 'keystore decrypts to the private key');
    const w = await Wallet.fromEncryptedJson(json, password);
    assert(lower(w.privateKey) === privateKey, 'Wallet.fromEncryptedJson');
    let wrongRejected = false;
    try {
        await decryptKeystoreJson(json, password + 'x');
    } catch {
        wrongRejected = true;
    }
    assert(wrongRejected, 'wrong password rejected');
}

async function scryptKeystore(prng, name, password, scryptOpts, extraNotes) {
    const privateKey = randomPrivateKey(prng);
    const wallet = new Wallet('0x' + privateKey);
    const options = { salt: prng.bytes(32), iv: prng.bytes(16), uuid: prng.bytes(16) };
    if (scryptOpts) options.scrypt = scryptOpts;
    const json = await encryptKeystoreJson({ address: wallet.address, privateKey: wallet.privateKey }, password, options);
    await checkKeystore(json, password, privateKey);
    const keystore = JSON.parse(json);
    keystoreFile(name, {
        password,
        privateKey,
        keystore,
        notes: [
            `keystore = ethers encryptKeystoreJson({address, privateKey}, password, {salt, iv, uuid${scryptOpts ? ', scrypt: ' + JSON.stringify(scryptOpts) : ''}}) with salt/iv/uuid from the seeded PRNG (so the file is reproducible). ${scryptOpts ? '' : 'The scrypt parameters are the ethers defaults (the same as Wallet.encrypt). '}It was decrypted again with ethers decryptKeystoreJson and Wallet.fromEncryptedJson (checked).`,
            'keystore.address is the Ethereum-style 20-byte address (no 0x); address / addressHex are the TRON forms of the same key.',
            'ethers writes the section as "Crypto" (capital C), as some other wallets do; geth writes "crypto". Readers should accept both.',
            'ethers encodes the password as UTF-8 of its NFKC form; the password here is already NFKC, so passwordUtf8Hex is exactly the KDF input.',
            ...extraNotes,
        ],
    });
    return keystore.Crypto.kdfparams;
}

/**
 * ethers 6 cannot *write* a pbkdf2 keystore (its encrypt path is scrypt-only), but it
 * reads them. This file is assembled from ethers' pbkdf2 + keccak256 and node's AES-128-CTR
 * following Web3 Secret Storage v3, then decrypted with ethers decryptKeystoreJson.
 */
async function pbkdf2Keystore(prng, name, password) {
    const privateKey = randomPrivateKey(prng);
    const wallet = new Wallet('0x' + privateKey);
    const salt = prng.bytes(32);
    const iv = prng.bytes(16);
    const uuid = prng.bytes(16);
    const c = 262144;
    const dk = Buffer.from(lower(pbkdf2(toUtf8Bytes(password.normalize('NFKC')), salt, c, 32, 'sha256')), 'hex');
    const cipher = createCipheriv('aes-128-ctr', dk.subarray(0, 16), iv);
    const ciphertext = Buffer.concat([cipher.update(Buffer.from(privateKey, 'hex')), cipher.final()]);
    const mac = lower(keccak256(concat([dk.subarray(16, 32), ciphertext])));
    uuid[6] = (uuid[6] & 0x0f) | 0x40;
    uuid[8] = (uuid[8] & 0x3f) | 0x80;
    const u = uuid.toString('hex');
    const keystore = {
        address: lower(wallet.address),
        id: `${u.slice(0, 8)}-${u.slice(8, 12)}-${u.slice(12, 16)}-${u.slice(16, 20)}-${u.slice(20)}`,
        version: 3,
        Crypto: {
            cipher: 'aes-128-ctr',
            cipherparams: { iv: iv.toString('hex') },
            ciphertext: ciphertext.toString('hex'),
            kdf: 'pbkdf2',
            kdfparams: { c, dklen: 32, prf: 'hmac-sha256', salt: salt.toString('hex') },
            mac,
        },
    };
    await checkKeystore(JSON.stringify(keystore), password, privateKey);
    keystoreFile(name, {
        password,
        privateKey,
        keystore,
        notes: [
            'ethers 6.x cannot encrypt a keystore with pbkdf2 (encryptKeystoreJson is scrypt-only), so this file was assembled per Web3 Secret Storage v3 from ethers pbkdf2 (hmac-sha256) + ethers keccak256 (MAC) + AES-128-CTR, and then verified by decrypting it with ethers decryptKeystoreJson and Wallet.fromEncryptedJson (and a wrong password is rejected).',
            'keystore.address is the Ethereum-style 20-byte address (no 0x); address / addressHex are the TRON forms of the same key.',
            'Password "pbkdf2-password" is ASCII; kdf input is its UTF-8 bytes. c = 262144, prf hmac-sha256, dklen 32.',
        ],
    });
    void hexlify;
}

async function generateKeystores() {
    const prng = new Prng('tronpay-vectors/keystore/v1');
    const written = [];
    const p1 = await scryptKeystore(prng, 'keystore-scrypt-default.json', 'correct horse battery staple', null, [
        'Default ethers scrypt cost (n=131072): slow (~0.5 s and 128 MiB); use the small-n files for fast unit tests.',
    ]);
    assert(p1.n === 131072 && p1.r === 8 && p1.p === 1, 'ethers default scrypt params');
    written.push('keystore-scrypt-default.json');
    await scryptKeystore(prng, 'keystore-scrypt-n1024.json', 'TronPay-test-1', { N: 1024, r: 8, p: 1 }, []);
    written.push('keystore-scrypt-n1024.json');
    const unicodePw = 'pässwörd-密码-🔑';
    assert(unicodePw.normalize('NFKC') === unicodePw, 'unicode password is NFKC');
    await scryptKeystore(prng, 'keystore-scrypt-n4096-unicode.json', unicodePw, { N: 4096, r: 8, p: 1 }, [
        'Non-ASCII password (Latin-1 umlauts, CJK, emoji).',
    ]);
    written.push('keystore-scrypt-n4096-unicode.json');
    await pbkdf2Keystore(prng, 'keystore-pbkdf2.json', 'pbkdf2-password');
    written.push('keystore-pbkdf2.json');
    return written;
}

// ===========================================================================
const counts = { hd: generateHd(), keystores: await generateKeystores() };
assertNoNetwork();
console.log(JSON.stringify({ tronweb: TRONWEB_VERSION, ethers: ETHERS_VERSION, counts }));
