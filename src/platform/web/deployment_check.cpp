#include "platform/web/deployment_check.h"

#include <emscripten/emscripten.h>

// clang-format off
// Module['rdShell'].deploymentFacts(baseUrl) -> {protocol, reused: 'yes'|'no'|'unknown', requests}
// (web/shell.js). Quoted names: Closure keeps them as written.
EM_JS(int, rd_js_deployment_facts, (const char* base_url, char* protocol, int capacity), {
    var shell = Module['rdShell'];
    var facts = shell && shell['deploymentFacts'] ? shell['deploymentFacts'](UTF8ToString(base_url)) : null;
    if (!facts) { stringToUTF8('', protocol, capacity); return 0; }
    stringToUTF8(String(facts['protocol'] || ''), protocol, capacity);
    var reused = facts['reused'] === 'yes' ? 2 : facts['reused'] === 'no' ? 1 : 0;
    var requests = Math.min(Number(facts['requests']) || 0, 0x3fffffff);
    return requests * 4 + reused;
});
// clang-format on

namespace rd::web {

DeploymentFacts deployment_facts(const std::string& base_url) {
    char protocol[32] = {};
    const int packed = rd_js_deployment_facts(base_url.c_str(), protocol, sizeof protocol);
    DeploymentFacts facts;
    facts.protocol = protocol;
    const int reused = packed & 3;
    facts.connections_reused = reused == 2   ? DeploymentFacts::Reuse::yes
                               : reused == 1 ? DeploymentFacts::Reuse::no
                                             : DeploymentFacts::Reuse::unknown;
    facts.requests_seen = packed >> 2;
    return facts;
}

} // namespace rd::web
