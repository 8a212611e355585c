import { io, type Socket } from 'socket.io-client';
import type { MetricsEvent } from '../api/overview';
import type { OpenMetricsChannel } from './overviewFeed';

interface ServerToClientEvents {
  metrics: (event: MetricsEvent) => void;
}

/** How long to wait before reconnecting after the server itself closed the socket. */
const SERVER_DISCONNECT_RECONNECT_MS = 5_000;

/** socket.io on the page's own origin (default path /socket.io); Vite proxies it in dev. */
export const openMetricsChannel: OpenMetricsChannel = (handlers) => {
  const socket: Socket<ServerToClientEvents> = io({ path: '/socket.io' });
  let reconnectTimer: ReturnType<typeof setTimeout> | undefined;

  // socket.io emits `connect` again after every automatic reconnect.
  socket.on('connect', handlers.onConnect);
  socket.on('connect_error', handlers.onDisconnect);
  socket.on('disconnect', (reason) => {
    handlers.onDisconnect();
    // socket.io does not reconnect by itself when the server closed the socket; a dashboard should.
    if (reason === 'io server disconnect') {
      reconnectTimer = setTimeout(() => socket.connect(), SERVER_DISCONNECT_RECONNECT_MS);
    }
  });
  socket.on('metrics', handlers.onMetrics);

  return {
    close: () => {
      clearTimeout(reconnectTimer);
      socket.removeAllListeners();
      socket.disconnect();
    },
  };
};
