/* Quick order pad: SKU suggestions from the plugin's JSON endpoint (the buyer's own prices only). */
(function () {
    "use strict";
    var form = document.getElementById("quick-order-form");
    if (!form) { return; }
    var url = form.getAttribute("data-search-url");
    var list = document.getElementById("b2b-sku-suggestions");
    var note = document.getElementById("b2b-suggestion-note");
    var timer = null;
    var lastTerm = "";

    function show(results) {
        while (list.firstChild) { list.removeChild(list.firstChild); }
        results.forEach(function (item) {
            var option = document.createElement("option");
            option.value = item.sku;
            var price = item.price ? " — " + item.price + " " + item.currency : "";
            var rule = item.rule ? " (" + item.rule + ")" : "";
            option.label = item.title + price + rule;
            option.textContent = option.label;
            list.appendChild(option);
        });
        if (note) { note.textContent = ""; }
    }

    function lookup(term) {
        if (term.length < 2 || term === lastTerm) { return; }
        lastTerm = term;
        fetch(url + "?q=" + encodeURIComponent(term), {credentials: "same-origin", headers: {"Accept": "application/json"}})
            .then(function (response) { return response.ok ? response.json() : {results: []}; })
            .then(function (data) { show(data.results || []); })
            .catch(function () { show([]); });
    }

    form.addEventListener("input", function (event) {
        var target = event.target;
        if (!target.classList || !target.classList.contains("b2b-sku")) { return; }
        window.clearTimeout(timer);
        timer = window.setTimeout(function () { lookup(target.value.trim()); }, 250);
    });
}());
