<?xml version="1.0"?>
<!-- disk-scsi-controller-model (unsafe): make the SCSI controllers that
     SCSI disks sit on virtio-scsi.  A <controller type='scsi'> with one of
     the indexes and no model gets model='virtio-scsi'; for an index without
     a controller, <controller type='scsi' index='N' model='virtio-scsi'/>
     is added after the last <controller> (or the last <disk>).
     Parameters:
       targets  the vl:id of each disk's <target> (unused);
       indexes  the controller indexes, space-separated. -->
<xsl:stylesheet version="1.0"
                xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:vl="urn:x-virtlint:fix">
  <xsl:param name="targets"/>
  <xsl:param name="indexes"/>

  <xsl:variable name="scsi" select="/domain/devices/controller[@type = 'scsi']"/>
  <xsl:variable name="anchor" select="(/domain/devices/controller | /domain/devices/disk)[last()]"/>

  <xsl:template match="@*|node()">
    <xsl:copy>
      <xsl:apply-templates select="@*|node()"/>
    </xsl:copy>
  </xsl:template>

  <xsl:template match="/domain/devices/controller[@type = 'scsi' and not(@model)]">
    <xsl:variable name="index">
      <xsl:choose>
        <xsl:when test="@index"><xsl:value-of select="@index"/></xsl:when>
        <xsl:otherwise>0</xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:copy>
      <xsl:apply-templates select="@*"/>
      <xsl:if test="contains(concat(' ', $indexes, ' '), concat(' ', $index, ' '))">
        <xsl:attribute name="model">virtio-scsi</xsl:attribute>
      </xsl:if>
      <xsl:apply-templates select="node()"/>
    </xsl:copy>
    <xsl:if test="count(. | $anchor) = 1">
      <xsl:call-template name="new">
        <xsl:with-param name="list" select="normalize-space($indexes)"/>
      </xsl:call-template>
    </xsl:if>
  </xsl:template>

  <xsl:template match="/domain/devices/controller | /domain/devices/disk" priority="-0.1">
    <xsl:copy>
      <xsl:apply-templates select="@*|node()"/>
    </xsl:copy>
    <xsl:if test="count(. | $anchor) = 1">
      <xsl:call-template name="new">
        <xsl:with-param name="list" select="normalize-space($indexes)"/>
      </xsl:call-template>
    </xsl:if>
  </xsl:template>

  <!-- new controllers for the indexes no SCSI controller has -->
  <xsl:template name="new">
    <xsl:param name="list"/>
    <xsl:if test="$list != ''">
      <xsl:variable name="first" select="substring-before(concat($list, ' '), ' ')"/>
      <xsl:if test="not($scsi[@index = $first or (not(@index) and $first = '0')])">
        <controller type='scsi' index='{$first}' model='virtio-scsi'/>
      </xsl:if>
      <xsl:call-template name="new">
        <xsl:with-param name="list" select="substring-after($list, ' ')"/>
      </xsl:call-template>
    </xsl:if>
  </xsl:template>
</xsl:stylesheet>
