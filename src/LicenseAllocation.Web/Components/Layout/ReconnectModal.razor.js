// Answers blazor.web.js's reconnection states for the dialog of ReconnectModal.razor: show (the connection dropped),
// retrying (an attempt failed; the next one is counted down), failed (the attempts are exhausted), rejected (the server
// was reached but no longer knows the circuit), paused and resume-failed (a circuit paused by the server or the page),
// hide (connected again). blazor.web.js puts the matching class on the dialog itself; this opens and closes it.
const dialog = document.getElementById("components-reconnect-modal");
dialog.addEventListener("components-reconnect-state-changed", onStateChanged);
document.getElementById("components-reconnect-button").addEventListener("click", retry);
document.getElementById("components-resume-button").addEventListener("click", resume);

function onStateChanged(event) {
    const state = event.detail.state;
    if (state === "hide") {
        document.removeEventListener("visibilitychange", retryWhenVisible);
        if (dialog.open) {
            dialog.close();
        }

        return;
    }

    if (!dialog.open) {
        dialog.showModal();
    }

    if (state === "failed") {
        // A laptop that slept or a phone that was locked: try again as soon as the reader looks at the page again.
        document.addEventListener("visibilitychange", retryWhenVisible);
    } else if (state === "rejected") {
        // The circuit died with the process that held it (the instance restarted, or it is down and the proxy sent
        // this browser to the other one): nothing of it can come back. A fresh load of the same address is served by
        // whichever instance is up, and the sign-in cookie is read there (the keys are in the database).
        location.reload();
    }
}

async function retry() {
    document.removeEventListener("visibilitychange", retryWhenVisible);
    try {
        // true: reconnected; false: the server was reached but refused the circuit; an exception: not reached.
        if (!await Blazor.reconnect() && !await Blazor.resumeCircuit()) {
            location.reload();
        }
    } catch {
        document.addEventListener("visibilitychange", retryWhenVisible);
    }
}

async function resume() {
    try {
        if (!await Blazor.resumeCircuit()) {
            location.reload();
        }
    } catch {
        location.reload();
    }
}

async function retryWhenVisible() {
    if (document.visibilityState === "visible") {
        await retry();
    }
}
