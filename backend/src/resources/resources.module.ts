import { Module } from '@nestjs/common';
import { ResourcesController } from './resources.controller.js';
import { ResourcesRepository } from './resources.repository.js';

@Module({ controllers: [ResourcesController], providers: [ResourcesRepository], exports: [ResourcesRepository] })
export class ResourcesModule {}
