// A Serverless plugin for `--stage local`: when the emulator is MiniStack, prints API URLs that
// answer there. serverless-localstack (listed before this plugin, same hook) rewrites every URL to
// LocalStack's `https://<id>.execute-api.localhost.localstack.cloud:4566/…`, but MiniStack serves
// plain HTTP and only recognises execute-api hosts under its own MINISTACK_HOST
// (`<id>.execute-api.localhost`, ministack/app.py `_EXECUTE_API_RE`), a name not every resolver
// knows. Its path form, `http://localhost:4566/_aws/execute-api/<id>/<route>` (`_parse_execute_api_url`;
// an HTTP API's `$default` stage takes the whole path as the route), needs no DNS at all.
'use strict';

const EXECUTE_API = /https?:\/\/([a-z0-9]+)\.execute-api\.[^/\s]+/;

/** `https://<id>.execute-api.<anything>/path` → `http://localhost:<port>/_aws/execute-api/<id>/path`. */
function miniStackUrl(url, port) {
  return url.replace(EXECUTE_API, `http://localhost:${port}/_aws/execute-api/$1`);
}

class MiniStackEndpointsPlugin {
  constructor(serverless, options) {
    this.serverless = serverless;
    this.options = options;
    this.hooks = { 'aws:info:gatherData': () => this.rewrite() };
  }

  rewrite() {
    const emulator = this.serverless.service.custom?.ort?.emulator;
    if (this.options.stage !== 'local' || emulator?.name !== 'MiniStack') return;
    const info = this.serverless.pluginManager.plugins.find((p) => p.constructor.name === 'AwsInfo');
    const endpoints = info?.gatheredData?.info?.endpoints;
    if (!Array.isArray(endpoints)) return;
    const port = process.env.LOCALSTACK_PORT || '4566';
    endpoints.forEach((entry, i) => {
      endpoints[i] = miniStackUrl(entry, port);
    });
  }
}

module.exports = MiniStackEndpointsPlugin;
module.exports.miniStackUrl = miniStackUrl;
