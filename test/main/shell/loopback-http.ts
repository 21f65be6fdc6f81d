import { ElectronHttpExecutor } from 'electron-updater/out/electronHttpExecutor.js';
import { request, type IncomingMessage, type RequestOptions } from 'node:http';

type ElectronRequest = ReturnType<ElectronHttpExecutor['createRequest']>;

/**
 * electron-updater's own HTTP client (download, redirects, cancellation: all its code) with Node's
 * http in place of Electron's net, which needs the Electron binary. For loopback feeds in tests.
 */
export class LoopbackHttp extends ElectronHttpExecutor {
  override createRequest(options: RequestOptions, callback: (response: IncomingMessage) => void): ElectronRequest {
    return request(options, callback) as unknown as ElectronRequest;
  }
}
