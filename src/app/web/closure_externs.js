/**
 * @fileoverview Closure Compiler externs for the page's link (`--closure 1`, src/app/CMakeLists.txt).
 * @externs
 *
 * Closure renames every property name it does not find in an externs file. renewdesk.js's EM_JS
 * bodies (src/platform/web/*.cpp, src/app/web/*.cpp) call into objects that web/shell.js and
 * web/mirror.js build, which Closure never sees: each method name they call is listed here, so it
 * stays as written. Module's own properties are read quoted (Module['rdShell']) and need no entry.
 * A new call from an EM_JS body into the page shell needs its name added here (the browser e2e
 * tests fail otherwise).
 * Debian's emscripten 3.1.6 ships without the browser externs of upstream emscripten, so the
 * globals its EM_JS bodies use beyond Closure's default browser externs are declared here too.
 */

/** @type {Storage} */
var localStorage;

/** The page shell's objects as the wasm side sees them (web/shell.js, web/mirror.js). */
var RdPageShellExterns = {};
// Module['rdShell'] (src/platform/web/page_shell.cpp)
RdPageShellExterns.copyText = function(text) {};
RdPageShellExterns.download = function(name, bytes) {};
RdPageShellExterns.remember = function(baseUrl, clientId) {};
RdPageShellExterns.journalLoad = function(key) {};
RdPageShellExterns.journalSave = function(text, key) {};
RdPageShellExterns.journalClear = function(key) {};
RdPageShellExterns.journalClaim = function(key) {};
RdPageShellExterns.journalRelease = function(key) {};
RdPageShellExterns.fatal = function(message) {};
RdPageShellExterns.started = function() {};
RdPageShellExterns.deploymentFacts = function(baseUrl) {}; // src/platform/web/deployment_check.cpp
// Module['rdIme'] (src/app/web/ime_bridge.cpp)
RdPageShellExterns.place = function(want, x, y, lineHeight) {};
// Module['rdMirror'] (src/app/web/mirror_bridge.cpp)
RdPageShellExterns.update = function(json) {};
