// "Pay with browser wallet": shown only where a wallet injects window.ethereum (EIP-1193). The amount and
// address come from the invoice's EIP-681 URI as the server wrote it; the page never computes a price.
(function () {
  function wire() {
    var button = document.getElementById("wallet-pay");
    if (!button || !window.ethereum) {
      return;
    }
    var m = /^ethereum:(0x[0-9a-fA-F]{40})@(\d+)(\/transfer)?\?(.*)$/.exec(button.dataset.uri || "");
    if (!m) {
      return;
    }
    var query = new URLSearchParams(m[4]);
    var chainHex = "0x" + BigInt(m[2]).toString(16);
    var tx;
    if (m[3]) { // ERC-20: transfer(address,uint256) on the token contract
      var to = (query.get("address") || "").replace(/^0x/, "").toLowerCase().padStart(64, "0");
      var amount = BigInt(query.get("uint256") || "0").toString(16).padStart(64, "0");
      tx = { to: m[1], data: "0xa9059cbb" + to + amount };
    } else {
      tx = { to: m[1], value: "0x" + BigInt(query.get("value") || "0").toString(16) };
    }
    button.hidden = false;
    button.addEventListener("click", function () {
      window.ethereum.request({ method: "eth_requestAccounts" }).then(function (accounts) {
        return window.ethereum.request({ method: "wallet_switchEthereumChain", params: [{ chainId: chainHex }] })
          .catch(function () { /* the wallet is on the chain already, or declines: it says so itself */ })
          .then(function () {
            tx.from = accounts[0];
            return window.ethereum.request({ method: "eth_sendTransaction", params: [tx] });
          });
      }).then(function (hash) {
        button.textContent = "Sent: " + hash;
        button.disabled = true;
      }).catch(function (error) {
        button.textContent = "Wallet: " + (error && error.message ? error.message : error);
      });
    });
  }
  document.addEventListener("DOMContentLoaded", wire);
  document.addEventListener("htmx:afterSwap", wire);
})();
