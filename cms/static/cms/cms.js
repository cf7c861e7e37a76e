/* Countdown clocks and coupon copy buttons of CMS blocks; the server-rendered text works without this. */
(function () {
    "use strict";

    function pad(n) { return n < 10 ? "0" + n : String(n); }

    function tick(el, endsAt) {
        var left = Math.max(0, Math.floor((endsAt - Date.now()) / 1000));
        var clock = el.querySelector(".cms-countdown__clock");
        var ended = el.querySelector(".cms-countdown__ended");
        if (left === 0) {
            if (clock) { clock.hidden = true; }
            if (ended) { ended.hidden = false; }
            el.classList.add("cms-countdown--ended");
            return false;
        }
        var units = {days: Math.floor(left / 86400), hours: Math.floor(left % 86400 / 3600),
                     minutes: Math.floor(left % 3600 / 60), seconds: left % 60};
        Object.keys(units).forEach(function (unit) {
            var node = el.querySelector('[data-unit="' + unit + '"]');
            if (node) { node.textContent = unit === "days" ? String(units[unit]) : pad(units[unit]); }
        });
        return true;
    }

    function startCountdowns() {
        document.querySelectorAll("[data-countdown]").forEach(function (el) {
            var endsAt = Date.parse(el.getAttribute("data-ends-at"));
            if (isNaN(endsAt) || !tick(el, endsAt)) { return; }
            var timer = window.setInterval(function () {
                if (!tick(el, endsAt)) { window.clearInterval(timer); }
            }, 1000);
        });
    }

    function copyCoupon(button) {
        var code = button.getAttribute("data-copy");
        var done = function () {
            button.textContent = button.getAttribute("data-copied-text");
            button.classList.add("is-copied");
        };
        if (navigator.clipboard && navigator.clipboard.writeText) {
            navigator.clipboard.writeText(code).then(done, function () { selectCode(button); });
        } else {
            selectCode(button);
        }
    }

    function selectCode(button) {
        var code = button.parentNode.querySelector(".cms-coupon__code");
        var range = document.createRange();
        range.selectNodeContents(code);
        var selection = window.getSelection();
        selection.removeAllRanges();
        selection.addRange(range);
    }

    document.addEventListener("click", function (event) {
        var button = event.target.closest(".cms-coupon__copy");
        if (button) { copyCoupon(button); }
    });
    if (document.readyState === "loading") {
        document.addEventListener("DOMContentLoaded", startCountdowns);
    } else {
        startCountdowns();
    }
})();
