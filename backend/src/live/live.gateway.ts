import { Logger } from '@nestjs/common';
import { type OnGatewayConnection, WebSocketGateway, WebSocketServer } from '@nestjs/websockets';
import type { Server, Socket } from 'socket.io';
import type { MetricsEvent } from '@epiboard/pipelines';

/** Rooms by audience; this dashboards are all in the city room. */
export const CITY_ROOM = 'city';

@WebSocketGateway({ serveClient: false })
export class LiveGateway implements OnGatewayConnection {
  private readonly logger = new Logger('LiveGateway');
  @WebSocketServer() private server!: Server;
  private latest: MetricsEvent | undefined;

  handleConnection(client: Socket): void {
    // The server decides the room; a client cannot ask its way into one.
    void client.join(CITY_ROOM);
    if (this.latest) client.emit('metrics', this.latest);
  }

  publish(event: MetricsEvent): void {
    this.latest = event;
    this.server.to(CITY_ROOM).emit('metrics', event);
    this.logger.verbose(`metrics v${event.version} to ${this.server.of('/').sockets.size} client(s)`);
  }
}
